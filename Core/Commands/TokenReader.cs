namespace SocketDeployer.Core.Commands;

/// <summary>Splits one line into tokens on any Unicode whitespace (char.IsWhiteSpace: NBSP, U+2000–U+200A, U+3000 …) without allocating.</summary>
internal ref struct TokenReader(ReadOnlySpan<char> text)
{
    private ReadOnlySpan<char> _rest = text;

    /// <summary>What has not been read yet, without leading whitespace.</summary>
    public readonly ReadOnlySpan<char> Rest => _rest.TrimStart();

    public bool TryRead(out ReadOnlySpan<char> token)
    {
        _rest = _rest.TrimStart();
        int end = 0;
        while (end < _rest.Length && !char.IsWhiteSpace(_rest[end]))
            end++;
        token = _rest[..end];
        _rest = _rest[end..];
        return end > 0;
    }
}
