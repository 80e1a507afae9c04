namespace Playground.Tests;

/// <summary>
/// A test that needs Debian's <c>chromium</c>. CI installs it (<c>.ci/run</c>) and there a missing browser fails
/// the test; on a learner's machine without it the test is skipped with the command that installs it.
/// </summary>
public sealed class PlaygroundFactAttribute : FactAttribute
{
    /// <summary>Where Debian puts Chromium.</summary>
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Skips the test when Chromium is missing, outside CI.</summary>
    public PlaygroundFactAttribute()
    {
        if (!File.Exists(Chromium) && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "needs Chromium: apt-get install chromium (CI installs it)";
        }
    }
}
