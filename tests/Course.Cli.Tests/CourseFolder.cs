namespace Course.Cli.Tests;

/// <summary>The course repository these tests run inside.</summary>
public static class CourseFolder
{
    /// <summary>The nearest folder above the test binaries that holds course.sln.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "course.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("These tests run from inside the course repository.");
    }
}
