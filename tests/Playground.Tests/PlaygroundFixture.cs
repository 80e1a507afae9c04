using System.Diagnostics;
using PuppeteerSharp;

namespace Playground.Tests;

/// <summary>
/// One playground server (<c>course playground --port 0</c>, on 127.0.0.1) and one headless Chromium for all the
/// tests of a class; both are stopped when the tests end. Nothing starts when Chromium is missing: the tests skip.
/// </summary>
public sealed class PlaygroundFixture : IAsyncLifetime
{
    private Process? server;
    private string? profile;

    /// <summary>The site's address, like <c>http://127.0.0.1:41857/</c>.</summary>
    public string Url { get; private set; } = "";

    /// <summary>The browser.</summary>
    public IBrowser Browser { get; private set; } = default!;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        if (!File.Exists(PlaygroundFactAttribute.Chromium))
        {
            return;
        }

        // PLAYGROUND_SITE checks another build of the site, like the trimmed output of dotnet publish.
        server = Environment.GetEnvironmentVariable("PLAYGROUND_SITE") is { Length: > 0 } other
            ? Course.Start("playground", "--port", "0", "--site", other)
            : Course.Start("playground", "--port", "0");
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string? first = await server.StandardOutput.ReadLineAsync(wait.Token);
        Url = first?.Split(' ').FirstOrDefault(w => w.StartsWith("http://127.0.0.1:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"course playground printed no address: \"{first}\"; {await server.StandardError.ReadToEndAsync()}");
        profile = Directory.CreateTempSubdirectory("sb-playground-chromium-").FullName;
        Browser = await Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = PlaygroundFactAttribute.Chromium,
            Headless = true,
            UserDataDir = profile,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
    }

    /// <summary>Opens <paramref name="query"/> in a new page and waits until the first run's trace hash is on screen.</summary>
    /// <param name="query">The page's query, without the <c>?</c>.</param>
    public async Task<IPage> OpenAsync(string query)
    {
        var page = await Browser.NewPageAsync();
        page.DefaultTimeout = 120_000;
        await page.GoToAsync(Url + "?" + query);
        await page.WaitForSelectorAsync("[data-testid=trace-hash]");
        return page;
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
            Browser.Dispose();
        }

        if (server is not null)
        {
            if (!server.HasExited)
            {
                server.Kill(entireProcessTree: true);
                server.WaitForExit(10_000);
            }

            server.Dispose();
        }

        if (profile is not null)
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be closing a file; the temporary folder goes with the machine's cleanup.
            }
        }
    }
}
