namespace Course.Grading;

/// <summary>
/// Mirrors the parts of the course the graded tests' one build needs into a cache folder outside the
/// repository, so the grader never writes into the course. A file whose content did not change is left alone, which keeps
/// the next build incremental (the --watch loop rebuilds only what the learner touched); a file whose content
/// changed is stamped with the current time, so the build sees it as new even if the source's own time
/// stamp is older than the last build (a file restored from an older copy).
/// </summary>
internal static class WorkCopy
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { "bin", "obj", "TestResults", ".vs", "StrykerOutput" };

    public static readonly string[] RootFiles = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "NuGet.config", "nuget.config", ".editorconfig"];

    public static void Sync(string root, string work, IEnumerable<string> folders)
    {
        Directory.CreateDirectory(work);
        foreach (var name in RootFiles)
        {
            var source = Path.Combine(root, name);
            var copy = Path.Combine(work, name);
            if (File.Exists(source))
            {
                CopyIfChanged(source, copy);
            }
            else if (File.Exists(copy))
            {
                // A build file the course does not have (planted by code that ran here) must not steer the build.
                File.Delete(copy);
            }
        }

        foreach (var folder in folders)
        {
            SyncFolder(Path.Combine(root, folder), Path.Combine(work, folder));
        }
    }

    private static void SyncFolder(string source, string target)
    {
        Directory.CreateDirectory(target);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var name = Path.GetFileName(file);
            seen.Add(name);
            CopyIfChanged(file, Path.Combine(target, name));
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(folder);
            if (SkippedFolders.Contains(name))
            {
                continue;
            }

            seen.Add(name);
            SyncFolder(folder, Path.Combine(target, name));
        }

        // A file the learner deleted must not linger in the build.
        foreach (var file in Directory.EnumerateFiles(target))
        {
            if (!seen.Contains(Path.GetFileName(file)))
            {
                File.Delete(file);
            }
        }

        foreach (var folder in Directory.EnumerateDirectories(target))
        {
            var name = Path.GetFileName(folder);
            if (!seen.Contains(name) && !SkippedFolders.Contains(name))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>
    /// Mirrors the course's exercises folder into <paramref name="target"/> without its exercise files (the
    /// snapshot writes their stubs) and without any other top-level <c>*.cs</c> file: the project file and Support/ only.
    /// </summary>
    public static void SyncCourseExercises(string source, string target, IReadOnlySet<string> exerciseFiles)
    {
        SyncFolder(source, target);
        foreach (var file in Directory.EnumerateFiles(target, "*.cs"))
        {
            if (!exerciseFiles.Contains(Path.GetFileName(file)))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> unless the file already holds exactly that.</summary>
    public static void WriteIfChanged(string path, string text)
    {
        if (File.Exists(path) && File.ReadAllText(path) == text)
        {
            return;
        }

        File.WriteAllText(path, text);
    }

    private static void CopyIfChanged(string source, string target)
    {
        var from = new FileInfo(source);
        var to = new FileInfo(target);
        if (to.Exists && to.Length == from.Length && File.ReadAllBytes(source).AsSpan().SequenceEqual(File.ReadAllBytes(target)))
        {
            return;
        }

        File.Copy(source, target, overwrite: true);
        File.SetLastWriteTimeUtc(target, DateTime.UtcNow);
    }
}
