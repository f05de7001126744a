using Microsoft.Playwright;
using SocketDeployer.Sandbox.Environment;
using static Microsoft.Playwright.Assertions;

namespace SocketDeployer.Tests.Web;

/// <summary>Whole releases played on the page by typing and clicking, as the people of the shipped catalog.</summary>
public sealed class ReleasePageTests : BrowserTest
{
    [Test]
    public async Task Alice_requests_app_cannot_approve_it_herself_and_Bob_approves_it_live()
    {
        await ActAs(SandboxPeople.Alice, "alice");
        await Say("run deploy app r-99.1.0");
        await Expect(ThreadMessage("Approval needed to deploy app r-99.1.0")).ToBeVisibleAsync();
        var statusTs = await ThreadMessage("started app r-99.1.0").GetAttributeAsync("data-ts");

        await ApproveInThread();
        var refusal = ThreadMessage("someone else has to approve it");
        await Expect(refusal).ToContainTextAsync("Only visible to you");

        await ActAs(SandboxPeople.Bob, "bob");
        await Expect(ThreadMessage("Approval needed to deploy app r-99.1.0")).ToBeVisibleAsync();
        await Expect(refusal).ToHaveCountAsync(0);
        await ApproveInThread();

        await Expect(ThreadMessage("🎉 app r-99.1.0 is live")).ToBeVisibleAsync();
        await Expect(ThreadMessage("Approved by @bob")).ToBeVisibleAsync();
        var status = Thread.Locator($".message[data-ts='{statusTs}']");
        await Expect(status).ToContainTextAsync("✅ app r-99.1.0 deployed");
        await Expect(status).ToContainTextAsync("(edited)");
        await Expect(status).ToContainTextAsync("build succeeded");
        await Expect(status).ToContainTextAsync("approve approved");
        await Expect(status).ToContainTextAsync("rollout succeeded");
        await Expect(ThreadMessage("step build")).ToHaveCountAsync(0);
        await Expect(ThreadMessage("step rollout")).ToHaveCountAsync(0);
        await Expect(Execution("r-99.1.0").Locator(".execution-head")).ToContainTextAsync("Success");
        await Expect(Page.Locator("#audit")).ToContainTextAsync("approve approved");

        // Back as Alice, her refusal is hers again: the picture of a finished release for the README.
        await ActAs(SandboxPeople.Alice, "alice");
        await Expect(refusal).ToBeVisibleAsync();
        await Page.Locator("#pace").SelectOptionAsync("2");
        await Expect(Page.Locator("#pace")).ToHaveValueAsync("2");
        var shot = Path.Combine(TestContext.CurrentContext.WorkDirectory, "sandbox-web.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
        TestContext.AddTestAttachment(shot, "a finished release (docs/sandbox-web.png)");
    }

    [Test]
    public async Task The_two_approval_service_goes_live_after_Carol_and_Erin_approve()
    {
        await ActAs(SandboxPeople.Alice, "alice");
        await Say("run deploy ui r-80.0.0");
        await Expect(ThreadMessage("Approval needed to deploy ui r-80.0.0")).ToContainTextAsync("2 needed");

        await ActAs(SandboxPeople.Carol, "carol");
        await ApproveInThread();
        await Expect(ThreadMessage("Approval needed to deploy ui r-80.0.0")).ToContainTextAsync("1 of 2 approvals: @carol");
        await ApproveInThread();
        await Expect(ThreadMessage("You already approved")).ToContainTextAsync("Only visible to you");

        await ActAs(SandboxPeople.Erin, "erin");
        await ApproveInThread();
        await Expect(ThreadMessage("🎉 ui r-80.0.0 is live")).ToBeVisibleAsync();
        await Expect(ThreadMessage("Approved by @carol, @erin")).ToBeVisibleAsync();
        await Expect(Execution("r-80.0.0").Locator(".execution-head")).ToContainTextAsync("Success");
    }

    [Test]
    public async Task Reject_asks_nothing_and_ends_the_release()
    {
        await ActAs(SandboxPeople.Alice, "alice");
        await Say("run deploy app r-99.2.0");
        await ActAs(SandboxPeople.Erin, "erin");
        await Thread.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Reject", Exact = true }).ClickAsync();

        await Expect(ThreadMessage("Rejected by @erin")).ToBeVisibleAsync();
        await Expect(ThreadMessage("app r-99.2.0 was rejected at step approve")).ToBeVisibleAsync();
        await Expect(Execution("r-99.2.0").Locator(".execution-head")).ToContainTextAsync("Failed");
    }
}
