using Microsoft.Playwright;
using SocketDeployer.Sandbox.Web;
using static Microsoft.Playwright.Assertions;

namespace SocketDeployer.Tests.Web;

/// <summary>
/// One headless Debian chromium per fixture (never a downloaded browser), and per test a fresh Sandbox web page with the
/// real daemon behind it. Tests type and click as a person would and await what the page shows.
/// </summary>
[Category("Browser")]
public abstract class BrowserTest
{
    protected const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly List<string> _pageErrors = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private IBrowserContext? _context;

    protected WebSandbox Sandbox { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    /// <summary>How long non-approval steps run on their own in this fixture (null: until the page decides).</summary>
    /// <remarks>Not zero: a step that ends before the daemon has posted its start reply is retried from the queue later
    /// (Deploy:StartReplyGrace), as in production, which would only make the tests wait.</remarks>
    protected virtual TimeSpan? StepTime => TimeSpan.FromMilliseconds(400);

    /// <summary>The thread pane.</summary>
    protected ILocator Thread => Page.Locator("#thread");

    [OneTimeSetUp]
    public async Task LaunchBrowser()
    {
        if (!File.Exists(Chromium))
        {
            Assert.Ignore($"{Chromium} is absent: the browser tests need Debian's chromium (apt-get install -y chromium; .ci/run installs it).");
        }

        System.Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    [OneTimeTearDown]
    public async Task CloseBrowser()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    [SetUp]
    public async Task OpenPage()
    {
        _pageErrors.Clear();
        Sandbox = await WebSandbox.StartAsync(new WebSandboxOptions { StepTime = StepTime });
        _context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1680, Height = 960 } });
        Page = await _context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                _pageErrors.Add(message.Text);
            }
        };
        Page.PageError += (_, error) => _pageErrors.Add(error);
        await Page.GotoAsync(Sandbox.Url.AbsoluteUri);
        await Expect(Page.Locator("#connection")).ToHaveTextAsync("● live");
    }

    [TearDown]
    public async Task ClosePage()
    {
        try
        {
            if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed && Page is not null)
            {
                var shot = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"{TestContext.CurrentContext.Test.Name}.png");
                await Page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
                TestContext.AddTestAttachment(shot, "the page when the test failed");
            }

            if (_context is not null)
            {
                await _context.DisposeAsync();
            }
        }
        finally
        {
            var code = await Sandbox.StopAsync();
            Assert.That(code, Is.Zero, "the daemon stops cleanly");
        }

        Assert.That(_pageErrors, Is.Empty, "the page logs no errors (scripts, blocked content)");
    }

    /// <summary>Switches the person the page acts as, and waits until the page shows that person's view.</summary>
    protected async Task ActAs(string userId, string name)
    {
        await Page.Locator("#viewer").SelectOptionAsync(userId);
        await Expect(Page.Locator("#roles")).ToContainTextAsync($"@{name}:");
    }

    /// <summary>Types a command for the bot in the channel's composer and sends it with Enter; the thread opens.</summary>
    protected async Task Say(string text)
    {
        await Page.Locator("#composer-text").FillAsync(text);
        await Page.Locator("#composer-text").PressAsync("Enter");
        await Expect(Page.Locator("#composer-text")).ToHaveValueAsync("");
        await Expect(Thread).ToBeVisibleAsync();
    }

    /// <summary>A message of the open thread that contains <paramref name="text"/>.</summary>
    protected ILocator ThreadMessage(string text) => Thread.Locator(".message", new LocatorLocatorOptions { HasText = text });

    /// <summary>Clicks Approve in the thread and confirms in its dialog.</summary>
    protected async Task ApproveInThread()
    {
        await Thread.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Approve", Exact = true }).ClickAsync();
        var dialog = Page.Locator("#confirm");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("Approve this release?");
        await dialog.GetByRole(AriaRole.Button, new LocatorGetByRoleOptions { Name = "Approve", Exact = true }).ClickAsync();
        await Expect(dialog).ToBeHiddenAsync();
    }

    /// <summary>The execution card of the AWS panel that runs <paramref name="version"/>.</summary>
    protected ILocator Execution(string version) => Page.Locator(".execution", new PageLocatorOptions { HasText = version });
}
