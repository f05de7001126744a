using SocketDeployer.Core.Commands;

namespace SocketDeployer.Tests.Commands;

/// <summary>An expected parse: either an exact command, or an error whose reason holds every fragment.</summary>
public sealed record Expected(ParsedCommand? Command, string[] ErrorFragments)
{
    public override string ToString() => Command?.ToString() ?? $"error ~ {string.Join(" | ", ErrorFragments)}";
}

/// <summary>The parser's table: ordinary commands, Slack formatting and hostile text.</summary>
internal static class CommandParserCases
{
    public const string Bot = "UBOT";
    private const string Id = "4105a4fc-f944-11e6-9d32-0123456789ab";

    public static IEnumerable<TestCaseData> All()
    {
        // Help and empty text.
        yield return Case("empty", "", Help);
        yield return Case("only the mention", "<@UBOT>", Help);
        yield return Case("only the mention with name", "<@UBOT|deploybot>", Help);
        yield return Case("help", "<@UBOT> help", Help);
        yield return Case("HELP upper case", "<@UBOT> HELP", Help);
        yield return Case("mention and spaces", "<@UBOT>    ", Help);
        yield return Case("NBSP before help", "<@UBOT>\u00A0help", Help);
        yield return Case("help then mention", "help <@UBOT>", Help);
        yield return Case("help ignores arguments", "<@UBOT> help me please", Help);
        yield return Case("whitespace only", "  \t \u3000 ", Help);
        yield return Case("trailing newline is trimmed", "<@UBOT> help\n", Help);

        // Deploy, the ordinary ways.
        yield return Case("run deploy", "<@UBOT> run deploy app r-99.1.0", Deploy("app", "r-99.1.0"));
        yield return Case("deploy", "<@UBOT> deploy app r-99.1.0", Deploy("app", "r-99.1.0"));
        yield return Case("mention with name", "<@UBOT|deploybot> run deploy app r-99.1.0", Deploy("app", "r-99.1.0"));
        yield return Case("upper-case verbs", "<@UBOT> RUN DEPLOY app r-99.1.0", Deploy("app", "r-99.1.0"));
        yield return Case("service lower-cased", "<@UBOT> Run Deploy APP r-99.1.0", Deploy("app", "r-99.1.0"));
        yield return Case("version case kept", "<@UBOT> deploy app R-99.1.0", Deploy("app", "R-99.1.0"));
        yield return Case("NBSP separators", "<@UBOT>\u00A0deploy\u00A0app\u00A0r-1.0.0", Deploy("app", "r-1.0.0"));
        yield return Case("ideographic space separators", "<@UBOT>\u3000deploy\u3000app\u3000r-1.0.0", Deploy("app", "r-1.0.0"));
        yield return Case("em, thin and hair spaces", "<@UBOT>\u2003deploy\u2009app\u200Ar-1.0.0", Deploy("app", "r-1.0.0"));
        yield return Case("narrow NBSP separator", "deploy\u202Fapp r-1.0.0", Deploy("app", "r-1.0.0"));
        yield return Case("tabs", "<@UBOT>\tdeploy\tapp\tr-1.0.0", Deploy("app", "r-1.0.0"));
        yield return Case("many spaces", "<@UBOT>   deploy    app     r-1.0.0   ", Deploy("app", "r-1.0.0"));
        yield return Case("mention at the end", "deploy app r-1.0.0 <@UBOT>", Deploy("app", "r-1.0.0"));
        yield return Case("named mention at the end", "deploy app r-1.0.0 <@UBOT|deploybot>", Deploy("app", "r-1.0.0"));
        yield return Case("bot mention in the middle", "deploy <@UBOT> app r-1.0.0", Deploy("app", "r-1.0.0"));
        yield return Case("no space after the mention", "<@UBOT>deploy app r-1.0.0", Deploy("app", "r-1.0.0"));
        yield return Case("link reduced to its label", "<@UBOT> deploy <http://evil.example|app> r-1.0.0", Deploy("app", "r-1.0.0"));
        yield return Case("auto-linked version", "<@UBOT> deploy app <https://r-1.0.0|r-1.0.0>", Deploy("app", "r-1.0.0"));
        yield return Case("link label is the verb", "<http://evil.example|deploy> app r-1", Deploy("app", "r-1"));
        yield return Case("dash, underscore, digits", "deploy my_service-2 v2.0", Deploy("my_service-2", "v2.0"));
        yield return Case("semicolon is left to the pattern", "deploy app r-1.0.0;rm", Deploy("app", "r-1.0.0;rm"));
        yield return Case("shell substitution is left to the pattern", "deploy app $(id)", Deploy("app", "$(id)"));
        yield return Case("decoded lt in version", "deploy app r-1&lt;2", Deploy("app", "r-1<2"));
        yield return Case("CRLF at the end", "deploy app r-1.0.0\r\n", Deploy("app", "r-1.0.0"));
        yield return Case("exactly the length cap", "deploy app r-1" + new string(' ', CommandParser.MaxTextLength - 14), Deploy("app", "r-1"));

        // Deploy, missing or extra.
        yield return Case("deploy alone", "<@UBOT> deploy", Error("`deploy` needs a service and a version"));
        yield return Case("run deploy alone", "run deploy", Error("`deploy` needs a service and a version"));
        yield return Case("no version", "deploy app", Error("`deploy` needs a version after the service", "`deploy app &lt;version&gt;`"));
        yield return Case("run alone", "run", Error("`run` goes with `deploy`"));
        yield return Case("run status", "run status", Error("`run` goes with `deploy`"));
        yield return Case("run without deploy", "run app r-1", Error("`run` goes with `deploy`"));
        yield return Case("extra word", "deploy app r-1.0.0 now", Error("unexpected text after the version: `now`"));
        yield return Case("rm -rf after the version", "<@UBOT> deploy app r-1.0.0;rm -rf /", Error("unexpected text after the version: `-rf /`"));
        yield return Case("channel after the version", "deploy app r-1.0.0 <!channel>", Error("unexpected text after the version: `&lt;!channel&gt;`"));
        yield return Case("@here after the version", "deploy app r-1.0.0 @here", Error("unexpected text after the version: `@\u2060here`"));

        // Mentions and Slack markup as arguments come back escaped.
        yield return Case("channel as service", "deploy <!channel> r-1.0.0", Error("`&lt;!channel&gt;` is a Slack mention, not a service name"));
        yield return Case("here as service", "deploy <!here> r-1", Error("`&lt;!here&gt;` is a Slack mention"));
        yield return Case("subteam as service", "deploy <!subteam^S1> r-1", Error("`&lt;!subteam^S1&gt;` is a Slack mention"));
        yield return Case("named subteam as service", "deploy <!subteam^S1|@approvers> r-1", Error("`&lt;!subteam^S1|@\u2060approvers&gt;`"));
        yield return Case("user as service", "deploy <@UALICE> r-1", Error("`&lt;@\u2060UALICE&gt;` is a Slack mention"));
        yield return Case("channel link as service", "deploy <#C123|general> r-1", Error("`&lt;#C123|general&gt;` is a Slack mention"));
        yield return Case("everyone as version", "deploy app <!everyone>", Error("`&lt;!everyone&gt;` is a Slack mention, not a version"));
        yield return Case("typed lt-bang channel", "deploy &lt;!channel&gt; r-1", Error("`&lt;!channel&gt;` is a Slack mention"));
        yield return Case("ampersand in service", "deploy a&amp;b r-1", Error("service `a&amp;b` contains `&amp;`"));
        yield return Case("mailto as service", "deploy <mailto:bob@example.com|bob@example.com> r-1", Error("service `bob@\u2060example.com` contains `@\u2060`"));
        yield return Case("dot in service", "deploy app.example.com r-1", Error("contains `.`", "service names are plain ASCII"));
        yield return Case("path in service", "deploy app/../x r-1", Error("contains `/`"));
        yield return Case("braces in service", "deploy {{ssm:x}} r-1", Error("service `{{ssm:x}}` contains `{`"));
        yield return Case("SSM reference as version", "deploy app {{ssm:x}}", Error("version `{{ssm:x}}`", "SSM"));
        yield return Case("SSM reference inside version", "deploy app r-1{{ssm:/prod/db-password}}", Error("SSM parameter reference"));
        yield return Case("backtick in service", "deploy `app` r-1", Error("service `\u02CBapp\u02CB` contains `\u02CB`"));

        // Invisible and format characters.
        yield return Case("ZWSP in service", "deploy ap\u200Bp r-1", Error("service `ap\uFFFDp` contains an invisible character, U+200B ZERO WIDTH SPACE"));
        yield return Case("ZWNJ in service", "deploy app\u200C r-1", Error("U+200C ZERO WIDTH NON-JOINER"));
        yield return Case("ZWJ in service", "deploy a\u200Dpp r-1", Error("U+200D ZERO WIDTH JOINER"));
        yield return Case("BOM in service", "deploy \uFEFFapp r-1", Error("U+FEFF ZERO WIDTH NO-BREAK SPACE"));
        yield return Case("word joiner in service", "deploy app\u2060 r-1", Error("U+2060 WORD JOINER"));
        yield return Case("RLO in service", "deploy \u202Eppa r-1", Error("an invisible character, U+202E RIGHT-TO-LEFT OVERRIDE"));
        yield return Case("LRE in service", "deploy \u202Aapp r-1", Error("U+202A LEFT-TO-RIGHT EMBEDDING"));
        yield return Case("LRI in service", "deploy app\u2066 r-1", Error("U+2066 LEFT-TO-RIGHT ISOLATE"));
        yield return Case("PDI in service", "deploy app\u2069 r-1", Error("U+2069 POP DIRECTIONAL ISOLATE"));
        yield return Case("LRM in service", "deploy app\u200E r-1", Error("U+200E LEFT-TO-RIGHT MARK"));
        yield return Case("RLM in service", "deploy app\u200F r-1", Error("U+200F RIGHT-TO-LEFT MARK"));
        yield return Case("soft hyphen in service", "deploy ap\u00ADp r-1", Error("U+00AD SOFT HYPHEN"));
        yield return Case("ZWSP in version", "deploy app r-1.0.0\u200B", Error("version `r-1.0.0\uFFFD` contains an invisible character, U+200B ZERO WIDTH SPACE"));
        yield return Case("RLO in version", "deploy app r-1\u202E0.0", Error("version", "U+202E RIGHT-TO-LEFT OVERRIDE"));
        yield return Case("bell in version", "deploy app r-1\u0007", Error("an invisible character, U+0007"));
        yield return Case("bell in service", "deploy ap\u0007p r-1", Error("service", "U+0007"));

        // Look-alike letters and digits.
        yield return Case("Cyrillic a in service", "deploy \u0430pp r-1", Error("service `\u0430pp` contains a non-ASCII letter, U+0430 CYRILLIC SMALL LETTER A"));
        yield return Case("Cyrillic capital A in service", "deploy \u0410PP r-1", Error("U+0410 CYRILLIC CAPITAL LETTER A"));
        yield return Case("Greek omicron in service", "deploy d\u03BFcs r-1", Error("a non-ASCII letter, U+03BF GREEK SMALL LETTER OMICRON"));
        yield return Case("fullwidth letter in service", "deploy \uFF41pp r-1", Error("U+FF41 FULLWIDTH LATIN SMALL LETTER A"));
        yield return Case("dotless i in service", "deploy \u0131nfra r-1", Error("U+0131 LATIN SMALL LETTER DOTLESS I"));
        yield return Case("fullwidth digits in version", "deploy app r-\uFF19\uFF19.1.0", Error("a non-ASCII digit, U+FF19 FULLWIDTH DIGIT NINE"));
        yield return Case("Arabic-Indic digit in version", "deploy app r-\u0669.1.0", Error("a non-ASCII digit, U+0669 ARABIC-INDIC DIGIT NINE"));
        yield return Case("extended Arabic-Indic digit", "deploy app r-\u06F1.1.0", Error("U+06F1 EXTENDED ARABIC-INDIC DIGIT ONE"));
        yield return Case("Devanagari digit in service", "deploy app\u0967 r-1", Error("U+0967 DEVANAGARI DIGIT ONE"));
        yield return Case("en dash in version", "deploy app r\u20131.0.0", Error("a non-ASCII dash, U+2013 EN DASH"));
        yield return Case("combining mark, unnamed", "deploy app r-1.0\u0301", Error("a combining mark, U+0301:"));
        yield return Case("astral digit", "deploy app r-\U0001D7D7", Error("U+1D7D7 MATHEMATICAL BOLD DIGIT NINE"));
        yield return Case("emoji, unnamed", "deploy app\U0001F600 r-1", Error("U+1F600:"));
        yield return Case("Cyrillic e in verb", "h\u0435lp", Error("unknown command `h\u0435lp`: it contains", "U+0435 CYRILLIC SMALL LETTER IE"));
        yield return Case("ZWSP glues verb and service", "deploy\u200Bapp r-1", Error("unknown command", "U+200B ZERO WIDTH SPACE"));

        // Lengths.
        yield return Case("service too long", "deploy " + new string('a', 65) + " r-1", Error("is too long (65 characters; at most 64)"));
        yield return Case("version too long", "deploy app " + new string('1', 129), Error("is too long (129 characters; at most 128)"));
        yield return Case("10 kB of text", "deploy app " + new string('x', 10_240), Error("that message is 10,251 characters long; a command is at most 4,000"));
        yield return Case("one over the cap", new string(' ', CommandParser.MaxTextLength + 1), Error("4,001 characters long"));

        // More than one line.
        yield return Case("newline then shell", "deploy app r-1.0.0\nrm -rf /", Error("a command is one line"));
        yield return Case("newline between arguments", "deploy app\nr-1.0.0", Error("a command is one line"));
        yield return Case("carriage return", "deploy app\rr-1.0.0", Error("a command is one line"));
        yield return Case("line separator", "deploy app\u2028r-1", Error("a command is one line"));
        yield return Case("two helps", "help\nhelp", Error("a command is one line"));

        // Status.
        yield return Case("status", "<@UBOT> status", new StatusCommand(null));
        yield return Case("STATUS service", "STATUS app", new StatusCommand("app"));
        yield return Case("status upper-case service", "status APP", new StatusCommand("app"));
        yield return Case("status execution", $"status {Id}", new StatusCommand(Id));
        yield return Case("status upper-case execution", $"status {Id.ToUpperInvariant()}", new StatusCommand(Id));
        yield return Case("status NBSP", "status\u00A0app", new StatusCommand("app"));
        yield return Case("status extra", "status app extra", Error("unexpected text after it: `extra`"));
        yield return Case("status Cyrillic", "status \u0430pp", Error("U+0430 CYRILLIC SMALL LETTER A"));
        yield return Case("status here", "status <!here>", Error("`&lt;!here&gt;` is a Slack mention"));

        // Cancel.
        yield return Case("cancel", $"<@UBOT> cancel {Id}", new CancelCommand(Id));
        yield return Case("CANCEL upper-case id", $"CANCEL {Id.ToUpperInvariant()}", new CancelCommand(Id));
        yield return Case("cancel alone", "cancel", Error("`cancel` needs an execution id"));
        yield return Case("cancel a service", "cancel app", Error("`app` is not an execution id"));
        yield return Case("cancel extra", $"cancel {Id} now", Error("unexpected text after the execution id: `now`"));
        yield return Case("cancel fullwidth hex", "cancel 4105a4fc-f944-11e6-9d32-0123456789a\uFF42", Error("a non-ASCII letter, U+FF42 FULLWIDTH LATIN SMALL LETTER B"));
        yield return Case("cancel channel", "cancel <!channel>", Error("`&lt;!channel&gt;` is not an execution id"));
        yield return Case("cancel braced id", $"cancel {{{Id}}}", Error("is not an execution id"));
        yield return Case("cancel short id", "cancel 4105a4fc-f944-11e6-9d32", Error("is not an execution id"));

        // Unknown verbs.
        yield return Case("unknown verb", "frobnicate", Error("unknown command `frobnicate`"));
        yield return Case("typo of deploy", "depoly app r-1", Error("unknown command `depoly` — did you mean `deploy`?"));
        yield return Case("typo of status", "statsu", Error("did you mean `status`?"));
        yield return Case("another user first", "<@UALICE> deploy app r-1", Error("unknown command `&lt;@\u2060UALICE&gt;`"));
        yield return Case("id that extends the bot's", "<@UBOTX> help", Error("unknown command `&lt;@\u2060UBOTX&gt;`"));
        yield return Case("bot id in another case", "<@ubot> help", Error("unknown command `&lt;@\u2060ubot&gt;`"));
        yield return Case("channel alone", "<!channel>", Error("unknown command `&lt;!channel&gt;`"));
        yield return Case("subteam alone", "<!subteam^S1>", Error("unknown command `&lt;!subteam^S1&gt;`"));
        yield return Case("typed script tag", "&lt;script&gt;", Error("unknown command `&lt;script&gt;`"));
        yield return Case("backticks in verb", "`rm -rf /`", Error("unknown command `\u02CBrm`"));
        yield return Case("plain @ mention text", "@deploybot deploy app r-1", Error("unknown command `@\u2060deploybot`"));
        yield return Case("long unknown verb is capped", new string('z', 300), Error("unknown command `" + new string('z', 60) + "…`"));
    }

    private static ParsedCommand Help => new HelpCommand();

    private static DeployCommand Deploy(string service, string version) => new(service, version);

    private static Expected Error(params string[] fragments) => new(null, fragments);

    private static TestCaseData Case(string name, string text, ParsedCommand command) => Case(name, text, new Expected(command, []));

    private static TestCaseData Case(string name, string text, Expected expected) =>
        new TestCaseData(text, expected).SetName($"Parse({name})");
}
