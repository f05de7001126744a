using System.Net.Http.Headers;
using SocketDeployer.Sandbox.Slack;

namespace SocketDeployer.Tests.Faults;

/// <summary>The Sandbox's slow-answer hook: a caller that gives up first leaves nothing done.</summary>
[Category("Faults")]
public class SlowAnswerTests
{
    [Test]
    public async Task ACallerThatGivesUpDuringTheDelayIsRecordedAndNothingIsPosted()
    {
        await using var slack = await SlackWorkspace.StartAsync();
        slack.SlowNext("chat.postMessage", TimeSpan.FromSeconds(30));
        using var http = new HttpClient { BaseAddress = slack.ApiBaseUrl, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", slack.BotToken);
        using var body = new FormUrlEncodedContent(new Dictionary<string, string> { ["channel"] = "C0123PRODDEPLOY", ["text"] = "late" });
        using var giveUp = new CancellationTokenSource();

        // The caller gives up only once the Sandbox holds the call, not before it has read it.
        var post = http.PostAsync(new Uri("chat.postMessage", UriKind.Relative), body, giveUp.Token);
        Assert.That(await slack.WaitUntilHeldBackAsync("chat.postMessage", TimeSpan.FromSeconds(10)), Is.True, "the call is held back");
        await giveUp.CancelAsync();
        Assert.ThrowsAsync<TaskCanceledException>(() => post);
        var call = await slack.WaitForCallAsync(c => c.Method == "chat.postMessage", TimeSpan.FromSeconds(10));
        Assert.Multiple(() =>
        {
            Assert.That(call.HttpStatus, Is.EqualTo(499));
            Assert.That(slack.Calls.Count(c => c.Method == "chat.postMessage" && c.Ok), Is.Zero, "the held-back call never ran");
        });
    }
}
