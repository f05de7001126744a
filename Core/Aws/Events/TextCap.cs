namespace SocketDeployer.Core.Aws.Events;

/// <summary>Caps text that ends up in Slack messages, without splitting a surrogate pair.</summary>
internal static class TextCap
{
    public static string Apply(string text, int max)
    {
        if (text.Length <= max)
            return text;

        var keep = max - 1;
        if (char.IsHighSurrogate(text[keep - 1]))
            keep--;

        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
