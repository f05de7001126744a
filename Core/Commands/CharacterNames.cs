using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace SocketDeployer.Core.Commands;

/// <summary>
/// Names the characters that make a typed name look right but be wrong, so an error can say exactly which one
/// (<c>U+200B ZERO WIDTH SPACE</c>) instead of silently cleaning it away. A small table, not the Unicode database.
/// </summary>
internal static class CharacterNames
{
    private static readonly string[] DigitNames = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"];

    private static readonly FrozenDictionary<int, string> Names = new Dictionary<int, string>
    {
        [0x00A0] = "NO-BREAK SPACE",
        [0x00AD] = "SOFT HYPHEN",
        [0x034F] = "COMBINING GRAPHEME JOINER",
        [0x061C] = "ARABIC LETTER MARK",
        [0x180E] = "MONGOLIAN VOWEL SEPARATOR",
        [0x200B] = "ZERO WIDTH SPACE",
        [0x200C] = "ZERO WIDTH NON-JOINER",
        [0x200D] = "ZERO WIDTH JOINER",
        [0x200E] = "LEFT-TO-RIGHT MARK",
        [0x200F] = "RIGHT-TO-LEFT MARK",
        [0x2010] = "HYPHEN",
        [0x2011] = "NON-BREAKING HYPHEN",
        [0x2012] = "FIGURE DASH",
        [0x2013] = "EN DASH",
        [0x2014] = "EM DASH",
        [0x2024] = "ONE DOT LEADER",
        [0x202A] = "LEFT-TO-RIGHT EMBEDDING",
        [0x202B] = "RIGHT-TO-LEFT EMBEDDING",
        [0x202C] = "POP DIRECTIONAL FORMATTING",
        [0x202D] = "LEFT-TO-RIGHT OVERRIDE",
        [0x202E] = "RIGHT-TO-LEFT OVERRIDE",
        [0x2060] = "WORD JOINER",
        [0x2061] = "FUNCTION APPLICATION",
        [0x2062] = "INVISIBLE TIMES",
        [0x2063] = "INVISIBLE SEPARATOR",
        [0x2064] = "INVISIBLE PLUS",
        [0x2066] = "LEFT-TO-RIGHT ISOLATE",
        [0x2067] = "RIGHT-TO-LEFT ISOLATE",
        [0x2068] = "FIRST STRONG ISOLATE",
        [0x2069] = "POP DIRECTIONAL ISOLATE",
        [0x2212] = "MINUS SIGN",
        [0x3002] = "IDEOGRAPHIC FULL STOP",
        [0xFEFF] = "ZERO WIDTH NO-BREAK SPACE",
        [0xFF0E] = "FULLWIDTH FULL STOP",
        [0xFF0D] = "FULLWIDTH HYPHEN-MINUS",
        [0xFFFD] = "REPLACEMENT CHARACTER",
        [0x0131] = "LATIN SMALL LETTER DOTLESS I",
        [0x0269] = "LATIN SMALL LETTER IOTA",
        [0x0391] = "GREEK CAPITAL LETTER ALPHA",
        [0x0392] = "GREEK CAPITAL LETTER BETA",
        [0x0395] = "GREEK CAPITAL LETTER EPSILON",
        [0x0396] = "GREEK CAPITAL LETTER ZETA",
        [0x0397] = "GREEK CAPITAL LETTER ETA",
        [0x0399] = "GREEK CAPITAL LETTER IOTA",
        [0x039A] = "GREEK CAPITAL LETTER KAPPA",
        [0x039C] = "GREEK CAPITAL LETTER MU",
        [0x039D] = "GREEK CAPITAL LETTER NU",
        [0x039F] = "GREEK CAPITAL LETTER OMICRON",
        [0x03A1] = "GREEK CAPITAL LETTER RHO",
        [0x03A4] = "GREEK CAPITAL LETTER TAU",
        [0x03A7] = "GREEK CAPITAL LETTER CHI",
        [0x03B1] = "GREEK SMALL LETTER ALPHA",
        [0x03B9] = "GREEK SMALL LETTER IOTA",
        [0x03BD] = "GREEK SMALL LETTER NU",
        [0x03BF] = "GREEK SMALL LETTER OMICRON",
        [0x03C1] = "GREEK SMALL LETTER RHO",
        [0x03C5] = "GREEK SMALL LETTER UPSILON",
        [0x0405] = "CYRILLIC CAPITAL LETTER DZE",
        [0x0406] = "CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I",
        [0x0408] = "CYRILLIC CAPITAL LETTER JE",
        [0x0410] = "CYRILLIC CAPITAL LETTER A",
        [0x0412] = "CYRILLIC CAPITAL LETTER VE",
        [0x0415] = "CYRILLIC CAPITAL LETTER IE",
        [0x041A] = "CYRILLIC CAPITAL LETTER KA",
        [0x041C] = "CYRILLIC CAPITAL LETTER EM",
        [0x041D] = "CYRILLIC CAPITAL LETTER EN",
        [0x041E] = "CYRILLIC CAPITAL LETTER O",
        [0x0420] = "CYRILLIC CAPITAL LETTER ER",
        [0x0421] = "CYRILLIC CAPITAL LETTER ES",
        [0x0422] = "CYRILLIC CAPITAL LETTER TE",
        [0x0425] = "CYRILLIC CAPITAL LETTER HA",
        [0x0430] = "CYRILLIC SMALL LETTER A",
        [0x0435] = "CYRILLIC SMALL LETTER IE",
        [0x043E] = "CYRILLIC SMALL LETTER O",
        [0x0440] = "CYRILLIC SMALL LETTER ER",
        [0x0441] = "CYRILLIC SMALL LETTER ES",
        [0x0443] = "CYRILLIC SMALL LETTER U",
        [0x0445] = "CYRILLIC SMALL LETTER HA",
        [0x0455] = "CYRILLIC SMALL LETTER DZE",
        [0x0456] = "CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I",
        [0x0458] = "CYRILLIC SMALL LETTER JE",
        [0x04BB] = "CYRILLIC SMALL LETTER SHHA",
        [0x0501] = "CYRILLIC SMALL LETTER KOMI DE",
        [0x00B9] = "SUPERSCRIPT ONE",
        [0x00B2] = "SUPERSCRIPT TWO",
        [0x00B3] = "SUPERSCRIPT THREE",
    }.ToFrozenDictionary();

    /// <summary>"U+200B ZERO WIDTH SPACE", or "U+XXXX" for a character outside the table.</summary>
    public static string Describe(Rune rune)
    {
        string code = string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}");
        return NameOf(rune.Value) is { } name ? $"{code} {name}" : code;
    }

    /// <summary>What kind of trap a non-ASCII character is, as a noun phrase for an error sentence.</summary>
    public static string KindOf(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Format or UnicodeCategory.Control or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => "an invisible character",
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark => "a combining mark",
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.LetterNumber => "a non-ASCII digit",
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => "a non-ASCII letter",
        UnicodeCategory.DashPunctuation => "a non-ASCII dash",
        _ => "a non-ASCII character",
    };

    private static string? NameOf(int code) => code switch
    {
        >= 0xFF10 and <= 0xFF19 => "FULLWIDTH DIGIT " + DigitNames[code - 0xFF10],
        >= 0x0660 and <= 0x0669 => "ARABIC-INDIC DIGIT " + DigitNames[code - 0x0660],
        >= 0x06F0 and <= 0x06F9 => "EXTENDED ARABIC-INDIC DIGIT " + DigitNames[code - 0x06F0],
        >= 0x0966 and <= 0x096F => "DEVANAGARI DIGIT " + DigitNames[code - 0x0966],
        >= 0x1D7CE and <= 0x1D7D7 => "MATHEMATICAL BOLD DIGIT " + DigitNames[code - 0x1D7CE],
        >= 0x2080 and <= 0x2089 => "SUBSCRIPT " + DigitNames[code - 0x2080],
        0x2070 or (>= 0x2074 and <= 0x2079) => "SUPERSCRIPT " + DigitNames[code - 0x2070],
        >= 0xFF21 and <= 0xFF3A => "FULLWIDTH LATIN CAPITAL LETTER " + (char)('A' + code - 0xFF21),
        >= 0xFF41 and <= 0xFF5A => "FULLWIDTH LATIN SMALL LETTER " + (char)('A' + code - 0xFF41),
        >= 0xFE00 and <= 0xFE0F => string.Create(CultureInfo.InvariantCulture, $"VARIATION SELECTOR-{code - 0xFE00 + 1}"),
        _ => Names.GetValueOrDefault(code),
    };
}
