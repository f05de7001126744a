using Microsoft.Playwright;
using SocketDeployer.Sandbox.Environment;
using static Microsoft.Playwright.Assertions;

namespace SocketDeployer.Tests.Web;

/// <summary>The AWS side of the page: steps wait for a person, who lets them succeed, fail or wait.</summary>
public sealed class AwsPanelTests : BrowserTest
{
    protected override TimeSpan? StepTime => null;

    [Test]
    public async Task A_step_held_then_failed_on_the_AWS_side_ends_the_release_in_Slack()
    {
        await ActAs(SandboxPeople.Alice, "alice");
        await Expect(Page.Locator("#pace")).ToHaveValueAsync("manual");
        await Say("run deploy app r-99.5.0");

        var build = Execution("r-99.5.0").Locator(".step[data-step=build]");
        await Expect(build).ToContainTextAsync("InProgress");
        await build.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Hold" }).ClickAsync();
        await Expect(build.Locator(".held")).ToBeVisibleAsync();
        await build.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Succeed" }).ClickAsync();

        var update = Execution("r-99.5.0").Locator(".step[data-step=updateParameters]");
        await Expect(update).ToContainTextAsync("InProgress");
        await update.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Fail" }).ClickAsync();

        await Expect(ThreadMessage("app r-99.5.0 failed at step updateParameters")).ToBeVisibleAsync();
        var status = ThreadMessage("app r-99.5.0 failed after");
        await Expect(status).ToContainTextAsync("build succeeded");
        await Expect(status).ToContainTextAsync("updateParameters failed");
        await Expect(status).ToContainTextAsync("rollout did not run");
        await Expect(ThreadMessage("step updateParameters failed (")).ToBeVisibleAsync();
        await Expect(ThreadMessage("step build")).ToHaveCountAsync(0);
        await Expect(Execution("r-99.5.0").Locator(".execution-head")).ToContainTextAsync("Failed");
    }

    [Test]
    public async Task The_pace_chosen_on_the_page_lets_steps_finish_on_their_own()
    {
        await Page.Locator("#pace").SelectOptionAsync("1");
        await Expect(Page.Locator("#pace")).ToHaveValueAsync("1");
        await ActAs(SandboxPeople.Carol, "carol");
        await Say("run deploy app r-99.6.0");

        await Expect(Execution("r-99.6.0").Locator(".execution-head")).ToContainTextAsync("Waiting");
        await Execution("r-99.6.0").Locator(".step[data-step=approve]").GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Time out" }).ClickAsync();
        await Expect(ThreadMessage("The approval step timed out")).ToBeVisibleAsync();
        await Expect(Execution("r-99.6.0").Locator(".execution-head")).ToContainTextAsync("TimedOut");
    }
}
