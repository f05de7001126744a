using System.Text.RegularExpressions;

namespace SocketDeployer.Core.Commands;

// Placeholder until the commands branch lands; replaced wholesale by its VersionCheck.
public static class VersionCheck
{
    public static Regex Compile(string pattern)
    {
        var anchored = pattern.StartsWith('^') && pattern.EndsWith('$') ? pattern : $"^(?:{pattern})$";
        return new Regex(anchored, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
    }
}
