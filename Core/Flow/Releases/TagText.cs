using System.Text;

namespace SocketDeployer.Core.Flow.Releases;

/// <summary>Free text (a Slack name, a pipeline's summary) made into a valid SSM tag value: AWS accepts only letters,
/// digits, spaces and <c>_ . : / = + - @</c>, at most 256 characters.</summary>
public static class TagText
{
    public const int MaxLength = 256;

    /// <summary>Every other character becomes a space (runs collapsed), then the text is cut to <paramref name="max"/>.</summary>
    public static string Of(string text, int max = MaxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, max));
        foreach (var c in text)
        {
            var keep = char.IsLetterOrDigit(c) || "_.:/=+-@".Contains(c, StringComparison.Ordinal);
            var next = keep ? c : ' ';
            if (next == ' ' && (builder.Length == 0 || builder[^1] == ' '))
            {
                continue;
            }

            // Surrogate pairs are letters AWS counts as one; never cut one in half.
            if (builder.Length >= max - (char.IsHighSurrogate(c) ? 1 : 0))
            {
                break;
            }

            builder.Append(next);
        }

        return builder.ToString().TrimEnd();
    }
}
