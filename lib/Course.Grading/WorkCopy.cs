namespace Course.Grading;

/// <summary>
/// Mirrors the parts of the course the graded build needs into a work folder outside the repository, so
/// the grader never writes into exercises/. A file whose content did not change is left alone, which keeps
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

    /// <summary>
    /// Mirrors into <paramref name="target"/> the course's exercises folder with the <c>*.cs</c> files of
    /// <paramref name="learner"/> laid over it: the learner's code, the course's project file. A learner's file
    /// replaces the course's file of the same path; a course file the learner does not have (a stub, Support/)
    /// stays; a file the learner added is compiled too. Symbolic links and build folders are skipped. Nothing
    /// is written into either source.
    /// </summary>
    public static void SyncLearnerCode(string course, string learner, string target)
    {
        var wanted = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (relative, file) in Files(course, course))
        {
            wanted[relative] = file;
        }

        foreach (var (relative, file) in Files(learner, learner))
        {
            if (relative.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                wanted[relative] = file;
            }
        }

        Directory.CreateDirectory(target);
        foreach (var (relative, source) in wanted)
        {
            var copy = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            CopyIfChanged(source, copy);
        }

        foreach (var (relative, file) in Files(target, target))
        {
            if (!wanted.ContainsKey(relative))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Every file under <paramref name="folder"/> outside build folders, with its path relative to <paramref name="top"/>.</summary>
    private static IEnumerable<(string Relative, string File)> Files(string top, string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            // A symbolic link in a submission could point at any file of the grading machine: never follow one.
            if (new FileInfo(file).LinkTarget is null)
            {
                yield return (Path.GetRelativePath(top, file), file);
            }
        }

        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (SkippedFolders.Contains(Path.GetFileName(sub)) || new DirectoryInfo(sub).LinkTarget is not null)
            {
                continue;
            }

            foreach (var entry in Files(top, sub))
            {
                yield return entry;
            }
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
    /// Copies the folder <paramref name="source"/> to <paramref name="target"/> (which must not exist), files with
    /// their time stamps, so that a build in the copy at the same path stays incremental.
    /// </summary>
    public static void CopyTree(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            var copy = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, copy);
            File.SetLastWriteTimeUtc(copy, File.GetLastWriteTimeUtc(file));
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            if (new DirectoryInfo(folder).LinkTarget is null)
            {
                CopyTree(folder, Path.Combine(target, Path.GetFileName(folder)));
            }
        }
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
