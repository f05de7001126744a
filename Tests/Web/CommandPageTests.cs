using SocketDeployer.Sandbox.Environment;
using static Microsoft.Playwright.Assertions;

namespace SocketDeployer.Tests.Web;

/// <summary>Commands that go wrong, and what the page does with typed markup.</summary>
public sealed class CommandPageTests : BrowserTest
{
    [Test]
    public async Task A_version_typo_gets_the_format_and_an_example_in_the_thread_and_starts_nothing()
    {
        await ActAs(SandboxPeople.Alice, "alice");
        await Say("run deploy app 99.1.0");

        await Expect(ThreadMessage("does not match")).ToContainTextAsync("r-99.1.0");
        await Expect(Page.Locator(".execution")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#audit")).ToContainTextAsync("request");
    }

    [Test]
    public async Task An_outsider_is_told_privately_that_he_is_not_a_deployer()
    {
        await ActAs(SandboxPeople.Dave, "dave");
        await Say("run deploy app r-99.1.0");
        var refusal = ThreadMessage("You are not a deployer of app");
        await Expect(refusal).ToContainTextAsync("Only visible to you");

        await ActAs(SandboxPeople.Alice, "alice");
        await Expect(Thread).ToContainTextAsync("run deploy app r-99.1.0");
        await Expect(refusal).ToHaveCountAsync(0);
    }

    [Test]
    public async Task Typed_markup_is_shown_as_text_and_never_runs()
    {
        await ActAs(SandboxPeople.Alice, "alice");
        const string Markup = "<img src=x onerror=\"document.title='pwned'\"><script>document.title='pwned'</script> *hi* <javascript:alert(1)|click>";
        await Say(Markup);

        await Expect(Page.Locator("#messages .message").First).ToContainTextAsync("<img src=x onerror=");
        await Expect(ThreadMessage("deploybot")).Not.ToHaveCountAsync(0);
        await Expect(Page.Locator("#messages img, #messages script, #thread img, #thread script")).ToHaveCountAsync(0);
        await Expect(Page.Locator("a[href^='javascript']")).ToHaveCountAsync(0);
        Assert.That(await Page.TitleAsync(), Is.EqualTo("SocketDeployer Sandbox"));
    }
}
