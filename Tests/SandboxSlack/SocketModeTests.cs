using System.Net.WebSockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using SocketDeployer.Sandbox.Slack;
using SocketDeployer.Tests.Support;

namespace SocketDeployer.Tests.SandboxSlack;

public class SocketModeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    /// <summary>Slack's own: on the fake clock the tests move, it costs no real time.</summary>
    private static readonly TimeSpan AckDeadline = TimeSpan.FromSeconds(3);

    [Test]
    public async Task A_ticket_opens_one_websocket_only()
    {
        await using var workspace = await SlackWorkspace.StartAsync();
        using var api = new SlackApiTestClient(workspace);
        var url = await api.OpenConnectionUrlAsync();
        Assert.That(url.GetLeftPart(UriPartial.Path), Is.EqualTo(new Uri(workspace.ApiBaseUrl, "/link/").AbsoluteUri.Replace("http:", "ws:", StringComparison.Ordinal)));

        await using var first = await SocketModeTestClient.ConnectAsync(url);
        await first.ReceiveHelloAsync();

        Assert.ThrowsAsync<WebSocketException>(async () => await SocketModeTestClient.ConnectAsync(url));
        Assert.That(workspace.OpenConnections, Is.EqualTo(1));
    }

    [Test]
    public async Task Hello_counts_connections_and_has_the_documented_shape()
    {
        await using var workspace = await SlackWorkspace.StartAsync();
        using var api = new SlackApiTestClient(workspace);
        await using var first = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        var hello1 = await first.ReceiveHelloAsync();
        await using var second = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        var hello2 = await second.ReceiveHelloAsync();
        await workspace.WaitForConnectionsAsync(2, Wait);

        Assert.Multiple(() =>
        {
            Assert.That(hello1["num_connections"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That(hello2["num_connections"]?.GetValue<int>(), Is.EqualTo(2));
            Assert.That(hello2["connection_info"]?["app_id"]?.ToString(), Is.EqualTo("A0SANDBOX"));
            Assert.That(hello2["debug_info"]?["approximate_connection_time"]?.GetValue<int>(), Is.GreaterThan(0));
            Assert.That(SlackSamples.KeyPaths(hello2), Is.EquivalentTo(SlackSamples.KeyPaths(SlackSamples.Load("hello.python-sdk-test.json"))));
            Assert.That(workspace.OpenConnectionIndexes, Is.EqualTo(new[] { 0, 1 }));
        });
    }

    [Test]
    public async Task A_mention_arrives_as_app_mention_envelope_and_its_ack_is_recorded()
    {
        await using var workspace = await StartWithPeopleAsync();
        using var api = new SlackApiTestClient(workspace);
        await using var client = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        await client.ReceiveHelloAsync();

        var ts = await workspace.PostUserMessageAsync("C0DEPLOY", "U0ALICE", "<@U0DEPLOYBOT> run deploy app r-99.1.0");
        var envelope = await client.ReceiveAsync();
        var envelopeId = envelope["envelope_id"]!.ToString();
        await client.AckAsync(envelopeId);
        await workspace.WaitForAcksAsync(acks => acks.Any(a => a.EnvelopeId == envelopeId && a.AckedAt is not null), Wait);

        var sample = SlackSamples.Load("events_api_app_mention.python-sdk-test.json");
        var evt = envelope["payload"]!["event"]!;
        var ack = workspace.Acks.Single();
        Assert.Multiple(() =>
        {
            Assert.That(SlackSamples.KeyPaths(envelope), Is.EquivalentTo(SlackSamples.KeyPaths(sample)));
            Assert.That(envelope["type"]?.ToString(), Is.EqualTo("events_api"));
            Assert.That(envelope["retry_attempt"]?.GetValue<int>(), Is.Zero);
            Assert.That(envelope["payload"]!["event_id"]!.ToString(), Does.StartWith("Ev"));
            Assert.That(envelope["payload"]!["team_id"]!.ToString(), Is.EqualTo("T0SANDBOX"));
            Assert.That(envelope["payload"]!["authorizations"]![0]!["user_id"]!.ToString(), Is.EqualTo("U0DEPLOYBOT"));
            Assert.That(evt["type"]?.ToString(), Is.EqualTo("app_mention"));
            Assert.That(evt["ts"]?.ToString(), Is.EqualTo(ts));
            Assert.That(evt["channel"]?.ToString(), Is.EqualTo("C0DEPLOY"));
            Assert.That(evt["user"]?.ToString(), Is.EqualTo("U0ALICE"));
            Assert.That(evt["text"]?.ToString(), Is.EqualTo("<@U0DEPLOYBOT> run deploy app r-99.1.0"));
            Assert.That(evt["thread_ts"], Is.Null);
            Assert.That(ack.Late, Is.False);
            Assert.That(ack.Latency, Is.Not.Null);
        });
    }

    [Test]
    public async Task A_mention_in_a_thread_carries_thread_ts_and_event_ids_are_unique()
    {
        await using var workspace = await StartWithPeopleAsync();
        using var api = new SlackApiTestClient(workspace);
        await using var client = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        await client.ReceiveHelloAsync();

        var parent = await workspace.PostUserMessageAsync("C0DEPLOY", "U0ALICE", "<@U0DEPLOYBOT> help");
        var reply = await workspace.PostUserMessageAsync("C0DEPLOY", "U0BOB", "<@U0DEPLOYBOT> status", parent);
        var first = await client.ReceiveAsync();
        var second = await client.ReceiveAsync();

        Assert.Multiple(() =>
        {
            Assert.That(second["payload"]!["event"]!["thread_ts"]?.ToString(), Is.EqualTo(parent));
            Assert.That(second["payload"]!["event"]!["ts"]?.ToString(), Is.EqualTo(reply));
            Assert.That(second["payload"]!["event_id"]!.ToString(), Is.Not.EqualTo(first["payload"]!["event_id"]!.ToString()));
            Assert.That(workspace.Thread("C0DEPLOY", parent).Select(m => m.Ts), Is.EqualTo(new[] { parent, reply }));
        });
    }

    [Test]
    public async Task Envelopes_wait_for_a_connection()
    {
        await using var workspace = await StartWithPeopleAsync();
        using var api = new SlackApiTestClient(workspace);
        await workspace.PostUserMessageAsync("C0DEPLOY", "U0ALICE", "<@U0DEPLOYBOT> help");

        await using var client = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        await client.ReceiveHelloAsync();
        var envelope = await client.ReceiveAsync();

        Assert.That(envelope["payload"]!["event"]!["type"]?.ToString(), Is.EqualTo("app_mention"));
    }

    [Test]
    public async Task An_envelope_not_acked_in_time_is_late_and_redelivered_with_retry_attempt()
    {
        var time = new FakeTimeProvider();
        await using var workspace = await SlackWorkspace.StartAsync(new SlackWorkspaceOptions { TimeProvider = time, AckDeadline = AckDeadline });
        using var api = new SlackApiTestClient(workspace);
        await using var client = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        await client.ReceiveHelloAsync();

        var delivery = await workspace.SendEnvelopeAsync("events_api", new JsonObject { ["type"] = "event_callback", ["event_id"] = "Ev1" });
        var first = await client.ReceiveAsync();
        // The deadline is armed before the envelope is written: just short of it nothing is late, at it the retry goes.
        time.Advance(AckDeadline - TimeSpan.FromMilliseconds(1));
        Assert.That(workspace.Acks.Single().Late, Is.False, "not late before the deadline");
        time.Advance(TimeSpan.FromMilliseconds(1));
        var retry = await client.ReceiveAsync();
        await client.AckAsync(retry["envelope_id"]!.ToString());
        var acked = await delivery.Acked.WaitAsync(Wait);

        var acks = workspace.Acks;
        Assert.Multiple(() =>
        {
            Assert.That(first["envelope_id"]?.ToString(), Is.EqualTo(delivery.EnvelopeId));
            Assert.That(retry["retry_attempt"]?.GetValue<int>(), Is.EqualTo(1));
            Assert.That(retry["retry_reason"]?.ToString(), Is.EqualTo("timeout"));
            Assert.That(retry["envelope_id"]?.ToString(), Is.Not.EqualTo(delivery.EnvelopeId));
            Assert.That(retry["payload"]?.ToJsonString(), Is.EqualTo(first["payload"]?.ToJsonString()));
            Assert.That(delivery.EnvelopeIds, Has.Count.EqualTo(2));
            Assert.That(acked.EnvelopeId, Is.EqualTo(retry["envelope_id"]?.ToString()));
            Assert.That(acks[0].Late, Is.True);
            Assert.That(acks[0].AckedAt, Is.Null);
            Assert.That(acks[1].RetryAttempt, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Redelivery_stops_after_three_retries()
    {
        var time = new FakeTimeProvider();
        await using var workspace = await SlackWorkspace.StartAsync(new SlackWorkspaceOptions { TimeProvider = time, AckDeadline = AckDeadline });
        using var api = new SlackApiTestClient(workspace);
        await using var client = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        await client.ReceiveHelloAsync();

        await workspace.SendEnvelopeAsync("events_api", new JsonObject { ["event_id"] = "Ev2" });
        var attempts = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            attempts.Add((await client.ReceiveAsync())["retry_attempt"]!.GetValue<int>());
            time.Advance(AckDeadline);
        }

        await workspace.WaitForAcksAsync(acks => acks.Count == 4 && acks.All(a => a.Late), Wait);
        // A redelivery registers its attempt before writing it, inside the deadline's callback: none came of the
        // last deadline, nor of an hour more.
        time.Advance(TimeSpan.FromHours(1));
        Assert.Multiple(() =>
        {
            Assert.That(attempts, Is.EqualTo(new[] { 0, 1, 2, 3 }));
            Assert.That(workspace.Acks, Has.Count.EqualTo(4));
        });
    }

    [Test]
    public async Task A_raw_envelope_goes_to_the_chosen_connection()
    {
        await using var workspace = await SlackWorkspace.StartAsync();
        using var api = new SlackApiTestClient(workspace);
        await using var zero = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        await zero.ReceiveHelloAsync();
        await using var one = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        await one.ReceiveHelloAsync();
        await workspace.WaitForConnectionsAsync(2, Wait);

        var payload = new JsonObject { ["event_id"] = "EvDUP" };
        await workspace.SendEnvelopeAsync("events_api", payload, connectionIndex: 1);
        await workspace.SendEnvelopeAsync("events_api", payload, connectionIndex: 0);

        Assert.That((await one.ReceiveAsync())["payload"]!["event_id"]!.ToString(), Is.EqualTo("EvDUP"));
        Assert.That((await zero.ReceiveAsync())["payload"]!["event_id"]!.ToString(), Is.EqualTo("EvDUP"));
    }

    [Test]
    public async Task Refresh_requested_keeps_the_socket_open_until_the_client_closes_it()
    {
        await using var workspace = await SlackWorkspace.StartAsync();
        using var api = new SlackApiTestClient(workspace);
        await using var client = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        await client.ReceiveHelloAsync();

        await workspace.SendDisconnectAsync("refresh_requested");
        var message = await client.ReceiveAsync();

        Assert.Multiple(() =>
        {
            Assert.That(SlackSamples.KeyPaths(message), Is.EquivalentTo(SlackSamples.KeyPaths(SlackSamples.Load("disconnect_refresh_requested.slack-docs.json"))));
            Assert.That(message["reason"]?.ToString(), Is.EqualTo("refresh_requested"));
            Assert.That(client.Socket.State, Is.EqualTo(WebSocketState.Open));
            Assert.That(workspace.OpenConnections, Is.EqualTo(1));
        });

        await client.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        await workspace.WaitForConnectionsAsync(0, Wait);
    }

    [Test]
    public async Task Refresh_requested_closes_the_socket_after_the_grace_period()
    {
        var time = new TimerWatchingFakeTimeProvider();
        var grace = TimeSpan.FromSeconds(10);
        await using var workspace = await SlackWorkspace.StartAsync(new SlackWorkspaceOptions { TimeProvider = time, DisconnectGrace = grace });
        using var api = new SlackApiTestClient(workspace);
        await using var client = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        await client.ReceiveHelloAsync();

        await workspace.SendDisconnectAsync("warning");
        await time.WaitUntilAsync(() => time.PendingDelays().Contains(grace), "the grace period runs");
        Assert.That(client.Socket.State, Is.EqualTo(WebSocketState.Open), "open during the grace period");
        time.Advance(grace);

        Assert.That(await client.Closed.Task.WaitAsync(Wait), Is.EqualTo(WebSocketCloseStatus.NormalClosure));
        await workspace.WaitForConnectionsAsync(0, Wait);
    }

    [Test]
    public async Task Too_many_websockets_has_the_sdk_shape_and_closes_at_once()
    {
        await using var workspace = await SlackWorkspace.StartAsync();
        using var api = new SlackApiTestClient(workspace);
        await using var client = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        await client.ReceiveHelloAsync();

        await workspace.SendDisconnectAsync("too_many_websockets", 0);
        var message = await client.ReceiveAsync();

        Assert.That(SlackSamples.KeyPaths(message), Is.EquivalentTo(SlackSamples.KeyPaths(SlackSamples.Load("disconnect_too_many_websockets.python-sdk-test.json"))));
        Assert.That(await client.Closed.Task.WaitAsync(Wait), Is.EqualTo(WebSocketCloseStatus.NormalClosure));
    }

    [Test]
    public async Task An_aborted_connection_ends_without_a_close_frame()
    {
        await using var workspace = await SlackWorkspace.StartAsync();
        using var api = new SlackApiTestClient(workspace);
        await using var client = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        await client.ReceiveHelloAsync();

        await workspace.AbortConnectionAsync(0);

        Assert.That(await client.Closed.Task.WaitAsync(Wait), Is.Null);
        Assert.That(workspace.OpenConnections, Is.Zero);
    }

    [Test]
    public async Task A_silenced_connection_delivers_nothing_and_the_envelope_moves_to_another()
    {
        var time = new FakeTimeProvider();
        await using var workspace = await SlackWorkspace.StartAsync(new SlackWorkspaceOptions { TimeProvider = time, AckDeadline = AckDeadline });
        using var api = new SlackApiTestClient(workspace);
        await using var zero = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        await zero.ReceiveHelloAsync();
        await using var one = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync());
        await one.ReceiveHelloAsync();
        await workspace.WaitForConnectionsAsync(2, Wait);

        workspace.SilenceConnection(0);
        var delivery = await workspace.SendEnvelopeAsync("events_api", new JsonObject { ["event_id"] = "Ev3" }, connectionIndex: 0);
        time.Advance(AckDeadline);
        var redelivered = await one.ReceiveAsync();
        await one.AckAsync(redelivered["envelope_id"]!.ToString());
        await delivery.Acked.WaitAsync(Wait);

        Assert.That(redelivered["retry_attempt"]?.GetValue<int>(), Is.EqualTo(1));
        Assert.ThrowsAsync<OperationCanceledException>(async () => await zero.ReceiveAsync(TimeSpan.FromMilliseconds(200)));
    }

    [Test]
    public async Task Pings_are_answered_until_the_connection_is_silenced()
    {
        await using var workspace = await SlackWorkspace.StartAsync();
        using var api = new SlackApiTestClient(workspace);
        static void KeepAlive(ClientWebSocketOptions o)
        {
            o.KeepAliveInterval = TimeSpan.FromMilliseconds(100);
            o.KeepAliveTimeout = TimeSpan.FromMilliseconds(500);
        }

        await using var healthy = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync(), KeepAlive);
        await healthy.ReceiveHelloAsync();
        await using var silenced = await SocketModeTestClient.ConnectAsync(await api.OpenConnectionUrlAsync(), KeepAlive);
        await silenced.ReceiveHelloAsync();

        workspace.SilenceConnection(1);

        Assert.That(await silenced.Closed.Task.WaitAsync(Wait), Is.Null, "the client's keep-alive should give up on the silent peer");
        Assert.That(healthy.Socket.State, Is.EqualTo(WebSocketState.Open), "pinged for as long, the answering connection must still be open");
    }

    internal static async Task<SlackWorkspace> StartWithPeopleAsync(SlackWorkspaceOptions? options = null)
    {
        var workspace = await SlackWorkspace.StartAsync(options);
        workspace.AddUser("U0ALICE", "alice");
        workspace.AddUser("U0BOB", "bob");
        workspace.AddUser("U0CAROL", "carol");
        workspace.AddUserGroup("S0APPROVERS", "prod-approvers", "U0BOB", "U0CAROL");
        workspace.AddChannel("C0DEPLOY", "deploy");
        workspace.AddChannel("C0RANDOM", "random", botIsMember: false);
        return workspace;
    }
}
