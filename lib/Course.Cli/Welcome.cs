namespace Course.Cli;

/// <summary>What <c>course</c> prints with no command: where to start, and the lessons it can find.</summary>
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
        if (FindNotebooks() is { Count: > 0 } lessons)
        {
            output.WriteLine();
            output.WriteLine("Lessons:");
            foreach (var lesson in lessons)
            {
                output.WriteLine($"  {lesson}");
            }
        }

        output.WriteLine();
        output.WriteLine("Every command: course --help");
        return 0;
    }

    private static List<string> FindNotebooks()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var notebooks = Path.Combine(folder.FullName, "notebooks");
            if (File.Exists(Path.Combine(folder.FullName, "course.sln")) && Directory.Exists(notebooks))
            {
                return Directory.GetFiles(notebooks, "*.ipynb").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList()!;
            }
        }

        return [];
    }
}
