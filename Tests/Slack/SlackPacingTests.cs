using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SocketDeployer.Core.Catalog;
using SocketDeployer.Core.Slack;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Tests.Slack;

/// <summary>Posting at Slack's published pace instead of bouncing off 429s, against a workspace enforcing the limits.</summary>
public class SlackPacingTests
{
    private const string Channel = "C0PACING";

    private static async Task<(SlackWorkspace Slack, SlackApi Api)> StartAsync(bool paced)
    {
        var slack = await SlackWorkspace.StartAsync(new SlackWorkspaceOptions { EnforceRateLimits = true });
        slack.AddChannel(Channel, "pacing");
        var options = Options.Create(new SlackOptions { AppToken = slack.AppToken, BotToken = slack.BotToken, ApiBaseUrl = slack.ApiBaseUrl });
        var api = new SlackApi(
            new HttpClient { BaseAddress = slack.ApiBaseUrl },
            options,
            TimeProvider.System,
            NullLogger<SlackApi>.Instance,
            Options.Create(new SlackApiResilienceOptions { MaxRetryAttempts = 0 }),
            new SlackPacing(Options.Create(new SlackPacingOptions { Enabled = paced })));
        return (slack, api);
    }

    [Test]
    public async Task ABurstInOneChannelIsQueuedAtSlacksPaceAndDrawsNo429()
    {
        var (slack, api) = await StartAsync(paced: true);
        await using (slack)
        {
            await Task.WhenAll(Enumerable.Range(0, 6).Select(i => api.PostMessageAsync(Channel, null, new SlackMessage($"line {i}"), CancellationToken.None)));
            Assert.Multiple(() =>
            {
                Assert.That(slack.Messages(Channel), Has.Count.EqualTo(6));
                Assert.That(slack.Calls.Where(c => c.HttpStatus == 429), Is.Empty);
            });
        }
    }

    [Test]
    public async Task WithoutPacingTheSameBurstIsRateLimited()
    {
        var (slack, api) = await StartAsync(paced: false);
        await using (slack)
        {
            var posts = Enumerable.Range(0, 6).Select(i => api.PostMessageAsync(Channel, null, new SlackMessage($"line {i}"), CancellationToken.None)).ToList();
            try
            {
                await Task.WhenAll(posts);
            }
            catch (HttpRequestException)
            {
                // Expected: with retries off, a 429 surfaces.
            }

            Assert.That(slack.Calls.Count(c => c.HttpStatus == 429), Is.GreaterThan(0), "the workspace does enforce the limit");
        }
    }
}
