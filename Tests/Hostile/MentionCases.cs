using static SocketDeployer.Sandbox.Environment.SandboxPeople;

namespace SocketDeployer.Tests.Hostile;

/// <summary>Text people type after the mention: broken commands, look-alike characters, markup that must not come back
/// live, and requests from people or places the catalog does not allow.</summary>
public static class MentionCases
{
    private const string Mention = "is a Slack mention, not a";

    public static IEnumerable<HostileCase> All() => [.. BadCommands(), .. UnicodeTricks(), .. Markup(), .. People()];

    private static HostileCase Typed(string name, string text, Expect expect, string user = Alice, string channel = DeployChannel) =>
        new("mention", name, expect, d => d.Say(user, text, channel));

    private static IEnumerable<HostileCase> BadCommands()
    {
        foreach (var (name, text, answer) in new[]
        {
            ("unknown verb", "frobnicate", "unknown command `frobnicate`"),
            ("misspelt verb", "deploi app r-1.0.0", "did you mean `deploy`"),
            ("run alone", "run", "`run` goes with `deploy`"),
            ("run without deploy", "run app r-1.0.0", "`run` goes with `deploy`"),
            ("deploy alone", "deploy", "needs a service and a version"),
            ("deploy without version", "deploy app", "needs a version after the service"),
            ("extra words", "deploy app r-1.0.0 now please", "unexpected text after the version"),
            ("shell after the version", "deploy app r-1.0.0 ; rm -rf /", "unexpected text after the version"),
            ("two lines", "deploy app r-1.0.0\nstatus", "a command is one line"),
            ("carriage return", "deploy app\rr-1.0.0", "a command is one line"),
            ("line separator", "deploy app r-1.0.0\u2028status", "a command is one line"),
            ("paragraph separator", "deploy app\u2029r-1.0.0", "a command is one line"),
            ("version too short", "deploy app r-1.0", "does not match"),
            ("version without prefix", "deploy app 1.0.0", "does not match"),
            ("version with a suffix", "deploy app r-1.0.0-evil", "does not match"),
            ("version of four parts", "deploy app r-1.0.0.0", "does not match"),
            ("version with an SSM reference", "deploy app {{ssm:/prod/db-password}}", "SSM parameter reference"),
            ("version ending in an SSM reference", "deploy app r-1.0.0{{resolve}}", "SSM parameter reference"),
            ("service with a dollar", "deploy app$(reboot) r-1.0.0", "contains `$`"),
            ("service with a path", "deploy ../app r-1.0.0", "contains `.`"),
            ("service with a star", "deploy app*bold* r-1.0.0", "contains `*`"),
            ("service with a backtick", "deploy app` r-1.0.0", "contains"),
            ("service close to app", "deploy apq r-1.0.0", "did you mean `app`"),
            ("service far from all", "deploy zzzzzz r-1.0.0", "services: `app`, `ui`"),
            ("service too long", "deploy " + new string('a', 70) + " r-1.0.0", "too long (70 characters"),
            ("version too long", "deploy app r-" + new string('1', 200), "too long"),
            ("message over the limit", "deploy " + new string('x', 4100), "characters long"),
            ("verb of 3000 characters", new string('y', 3000), "unknown command"),
            ("cancel without id", "cancel", "needs an execution id"),
            ("cancel a service", "cancel app", "is not an execution id"),
            ("cancel with extra words", "cancel 00000000-0000-0000-0000-000000000000 now", "unexpected text after the execution id"),
            ("status with two targets", "status app ui", "takes one service or execution id"),
            ("status of an unknown service", "status zzzzzz", "nknown service `zzzzzz`"),
        })
        {
            yield return Typed($"bad command: {name}", text, Expect.Thread(answer));
        }

        yield return Typed("status of an unknown execution", "status 00000000-0000-0000-0000-000000000000", Expect.Thread("", audited: false));
        yield return Typed("only the mention", "", Expect.Thread("run deploy", audited: false));
        yield return Typed("status with non-breaking spaces", "status\u00A0app", Expect.Thread("app", audited: false));
    }

    private static IEnumerable<HostileCase> UnicodeTricks()
    {
        foreach (var (name, text, answer) in new[]
        {
            ("Cyrillic a in the service", "deploy \u0430pp r-1.0.0", "U+0430"),
            ("Greek alpha in the service", "deploy \u03B1pp r-1.0.0", "U+03B1"),
            ("Cyrillic e in the service", "deploy d\u0435mo r-1.0.0", "U+0435"),
            ("fullwidth service", "deploy \uFF41\uFF50\uFF50 r-1.0.0", "U+FF41"),
            ("Cyrillic d in the verb", "\u0501eploy app r-1.0.0", "U+0501"),
            ("Cyrillic a in a status target", "status \u0430pp", "U+0430"),
            ("zero-width space in the service", "deploy a\u200Bpp r-1.0.0", "U+200B"),
            ("zero-width joiner after the service", "deploy app\u200D r-1.0.0", "U+200D"),
            ("zero-width non-joiner in the version", "deploy app r-1.\u200C0.0", "U+200C"),
            ("word joiner in the version", "deploy app r-1.0.0\u2060", "U+2060"),
            ("byte order mark before the service", "deploy \uFEFFapp r-1.0.0", "U+FEFF"),
            ("soft hyphen in the service", "deploy ap\u00ADp r-1.0.0", "U+00AD"),
            ("right-to-left override", "deploy \u202Eppa r-1.0.0", "U+202E"),
            ("left-to-right override in the version", "deploy app r-\u202D1.0.0", "U+202D"),
            ("pop directional formatting", "deploy app r-1.0.0\u202C", "U+202C"),
            ("right-to-left isolate", "deploy app\u2067 r-1.0.0", "U+2067"),
            ("right-to-left mark", "deploy \u200Fapp r-1.0.0", "U+200F"),
            ("fullwidth digit in the version", "deploy app r-\uFF19\uFF19.1.0", "U+FF19"),
            ("Arabic-Indic digit in the version", "deploy app r-\u0669.1.0", "U+0669"),
            ("Devanagari digit in the version", "deploy app r-1.\u0967.0", "U+0967"),
            ("mathematical bold digit in the version", "deploy app r-\U0001D7CF.0.0", "U+1D7CF"),
            ("superscript digit in the version", "deploy app r-1.0.\u00B9", "U+00B9"),
            ("non-ASCII hyphen in the version", "deploy app r\u20101.0.0", "U+2010"),
            ("combining accent in the version", "deploy app r-1.0.0\u0301", "U+0301"),
            ("fullwidth digits in an execution id", "cancel \uFF10\uFF10000000-0000-0000-0000-000000000000", "U+FF10"),
            ("emoji in the service", "deploy app\U0001F680 r-1.0.0", "U+1F680"),
            ("NUL in the service", "deploy ap\0p r-1.0.0", "U+0000"),
            ("escape character in the version", "deploy app r-1.0.0\u001B[31m", "U+001B"),
        })
        {
            yield return Typed($"unicode: {name}", text, Expect.Thread(answer));
        }
    }

    private static IEnumerable<HostileCase> Markup()
    {
        foreach (var (name, text, answer) in new[]
        {
            ("@channel as the service", "deploy <!channel> r-1.0.0", Mention),
            ("@here as the service", "deploy <!here> r-1.0.0", Mention),
            ("@everyone as the service", "deploy <!everyone> r-1.0.0", Mention),
            ("a user group as the service", "deploy <!subteam^S0PRODAPPROVERS|@prod-approvers> r-1.0.0", Mention),
            ("a user as the service", "deploy <@U0BOB> r-1.0.0", Mention),
            ("a channel as the service", "deploy <#C0RANDOM|random> r-1.0.0", Mention),
            ("@channel as the version", "deploy app <!channel>", Mention),
            ("a user group as the version", "deploy app <!subteam^S0PRODAPPROVERS>", Mention),
            ("@here as a status target", "status <!here>", Mention),
            ("@channel as the verb", "<!channel>", "unknown command"),
            ("@here with a label as the verb", "<!here|here> please deploy", "unknown command"),
            ("a user group as the verb", "<!subteam^S0PRODAPPROVERS|@prod-approvers>", "unknown command"),
            ("@channel after the version", "deploy app r-1.0.0 <!channel>", "unexpected text"),
            ("@here after the version", "deploy app r-1.0.0 <!here>", "unexpected text"),
            ("a user group after the version", "deploy app r-1.0.0 <!subteam^S0PRODAPPROVERS|@prod-approvers>", "unexpected text"),
            ("a user after the version", "deploy app r-1.0.0 <@U0BOB>", "unexpected text"),
            ("a forged link after the version", "deploy app r-1.0.0 <http://evil.example/login|AWS console>", "unexpected text"),
            ("a bare link as the version", "deploy app <https://evil.example/r-1.0.0>", "does not match"),
            ("a forged link as a status target", "status <http://evil.example|x>", "nknown service `x`"),
            ("a mailto link after the version", "deploy app r-1.0.0 <mailto:a@evil.example|support>", "unexpected text"),
            ("escaped @channel as the service", "deploy &lt;!channel&gt; r-1.0.0", Mention),
            ("escaped markup inside the version", "deploy app r-1.0.0&gt;&lt;!here&gt;", "does not match"),
            ("escaped link inside the version", "deploy app r-1&lt;http://evil.example|x&gt;", "does not match"),
            ("plain @channel as the verb", "@channel", "unknown command"),
            ("plain @here as the service", "deploy @here r-1.0.0", "contains `@"),
            ("@channel as an execution id", "cancel <!channel>", "is not an execution id"),
            ("a user group as an execution id", "cancel <!subteam^S0PRODAPPROVERS>", "is not an execution id"),
            ("code fence as the verb", "```<!channel>```", "unknown command"),
            ("an unclosed angle bracket", "deploy app r-1.0.0 <!channel", "unexpected text"),
            ("nested markup", "deploy <<!channel>> r-1.0.0", "contains"),
        })
        {
            yield return Typed($"markup: {name}", text, Expect.Thread(answer));
        }
    }

    private static IEnumerable<HostileCase> People()
    {
        const string NotADeployer = "not a deployer of";
        yield return Typed("person: not a deployer", "run deploy app r-1.0.0", Expect.Private(NotADeployer), Dave);
        yield return Typed("person: not a deployer of ui", "deploy ui r-2.0.0", Expect.Private(NotADeployer), Dave);
        yield return Typed("person: an approver is not a deployer", "deploy app r-1.0.0", Expect.Private(NotADeployer), Erin);
        yield return Typed("person: a named approver is not a deployer", "deploy app r-1.0.0", Expect.Private(NotADeployer), Bob);
        yield return Typed("person: another channel", "run deploy app r-1.0.0", Expect.Private("not run from this channel"), Alice, OtherChannel);
        yield return Typed("person: help in another channel", "help", Expect.Private("not run from this channel"), Dave, OtherChannel);
        yield return Typed("person: markup in another channel", "deploy <!channel> r-1.0.0", Expect.Private("not run from this channel"), Dave, OtherChannel);
        yield return new("mention", "person: may not cancel a release", Expect.Private("Only the requester or an approver"),
            d => d.Say(Dave, $"cancel {d.Releases.AppExecution}"));
        yield return new("mention", "person: cancel of a release not started from Slack", Expect.Thread("not started from Slack"),
            d => d.Say(Alice, $"cancel {d.Releases.ConsoleExecution}"));
        yield return Typed("person: the lock holds for another deployer", "deploy app r-2.0.0", Expect.Thread("already being deployed"), Carol);
        yield return new("mention", "person: cancel of an unknown execution", Expect.Thread("not started from Slack"),
            d => d.Say(Dave, $"cancel {Guid.NewGuid()}"));
    }
}
