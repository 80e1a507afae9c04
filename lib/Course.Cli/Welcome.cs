using Course.Grading;

namespace Course.Cli;

/// <summary>What <c>course</c> prints with no command: where to start, your path through the lessons and exercises with your points, and the next step.</summary>
public static class Welcome
{
    /// <summary>Writes the welcome text.</summary>
    /// <param name="output">Where to write.</param>
    public static int Show(TextWriter output)
    {
        output.WriteLine("Split brain and fencing in C#: a deterministic simulation course.");
        output.WriteLine();
        output.WriteLine("Start here:");
        output.WriteLine("  1. dotnet build course.sln, then open notebooks/01-the-double-withdrawal.ipynb in VS Code");
        output.WriteLine("  2. course run bank-ledger --fencing off    watch $120 leave a $100 account");
        output.WriteLine("  3. course run bank-ledger --fencing on     and watch the store refuse the old leader");
        output.WriteLine("  4. course grade                            your points on the exercises in exercises/");
        output.WriteLine("  (`course` is short for `dotnet run --project lib/Course.Cli --`, run from the course folder.)");
        if (FindRoot() is { } root)
        {
            output.WriteLine();
            ProgressView.Show(root, output, Course.Notebooks.LessonFile.TitleOf);
        }

        output.WriteLine();
        output.WriteLine("Every command: course --help");
        return 0;
    }

    // The nearest folder at or above the current one that holds course.sln.
    private static string? FindRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "course.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }
}
