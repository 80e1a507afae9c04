namespace Notebooks.Tests.Support;

/// <summary>Where the course is, and where these tests keep what they make (under the test output, for CI to keep).</summary>
internal static class Repository
{
    internal static string Root { get; } = Find();

    internal static string NotebooksFolder => Path.Combine(Root, "notebooks");

    /// <summary>tests/Notebooks.Tests/TestResults/notebooks: executed notebooks, pages and the screenshot.</summary>
    internal static string Artifacts { get; } = Path.Combine(Root, "tests", "Notebooks.Tests", "TestResults", "notebooks");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "course.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run from inside the course folder (the one with course.sln).");
    }
}
