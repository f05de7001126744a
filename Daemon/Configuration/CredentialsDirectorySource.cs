using Microsoft.Extensions.Configuration;

namespace SocketDeployer.Daemon.Configuration;

/// <summary>systemd credentials (<c>LoadCredential=</c>): each file in <c>$CREDENTIALS_DIRECTORY</c> is one key,
/// its name the key with <c>__</c> for <c>:</c> (e.g. <c>Slack__BotToken</c>), its content the value.</summary>
internal sealed class CredentialsDirectorySource(string? directory) : IConfigurationSource
{
    public IConfigurationProvider Build(IConfigurationBuilder builder) => new Provider(directory);

    private sealed class Provider(string? directory) : ConfigurationProvider
    {
        public override void Load()
        {
            var data = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            if (!string.IsNullOrEmpty(directory) && Directory.Exists(directory))
            {
                foreach (var file in Directory.EnumerateFiles(directory))
                {
                    var key = Path.GetFileName(file).Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
                    // Editors and `echo` leave a trailing newline; a token never ends in whitespace.
                    data[key] = File.ReadAllText(file).TrimEnd('\r', '\n', ' ', '\t');
                }
            }

            Data = data;
        }
    }
}
