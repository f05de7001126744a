using Microsoft.Extensions.Logging;
using SocketDeployer.Core.Time;

namespace SocketDeployer.Core.Flow.Refusals;

/// <summary>Refusals whose reply was not posted; the refusal itself is logged (2001) and audited before this.</summary>
internal static partial class RefusalLog
{
    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Told {User} in {Channel} to slow down after {Count} refusals within {Window}; no refusal replies to them for {Silence}")]
    public static partial void SlowDown(ILogger logger, string user, string channel, int count, HumanDuration window, HumanDuration silence);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Information, Message = "Refusal of {Command} to {User} in {Channel} not posted: {Why}")]
    public static partial void NotPosted(ILogger logger, string command, string user, string channel, string why);
}
