namespace Notebooks.Tests.Lessons;

/// <summary>
/// A test that needs Debian's <c>chromium</c>. CI installs it (<c>.ci/run</c>) and there a missing browser fails
/// the test; on a learner's machine without it the test is skipped with the command that installs it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists("/usr/bin/chromium") && Environment.GetEnvironmentVariable("CI") != "true")
        {
            Skip = "needs Chromium: apt-get install chromium (CI installs it)";
        }
    }
}
