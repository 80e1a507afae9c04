namespace Course.Grading.Tests;

/// <summary>How a submission's exercise files are laid over the course's exercises/ in the work folder.</summary>
public sealed class LearnerCodeTests : IDisposable
{
    private readonly string scratch = Course.Scratch("learner-code");

    /// <summary>Removes the scratch folder.</summary>
    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>The learner's .cs files win, the course's project and Support/ stay, links and build folders are skipped, stale files go.</summary>
    [Fact]
    public void LearnerFilesOverTheCourse()
    {
        var course = Folder("course");
        Write(course, "Exercises.csproj", "<Project>course</Project>");
        Write(course, "Exercise01.cs", "stub");
        Write(course, "Support/Disk.cs", "course support");
        var learner = Folder("learner");
        Write(learner, "Exercise01.cs", "answer");
        Write(learner, "Extra.cs", "helper");
        Write(learner, "Exercises.csproj", "<Project>hostile</Project>");
        Write(learner, "bin/Old.cs", "build output");
        var secret = Write(scratch, "secret.txt", "not for students");
        File.CreateSymbolicLink(Path.Combine(learner, "Leak.cs"), secret);
        var target = Folder("work");
        Write(target, "Stale.cs", "from the previous submission");
        var before = Directory.GetFiles(learner, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

        WorkCopy.SyncLearnerCode(course, learner, target);

        Assert.Equal("<Project>course</Project>", File.ReadAllText(Path.Combine(target, "Exercises.csproj")));
        Assert.Equal("answer", File.ReadAllText(Path.Combine(target, "Exercise01.cs")));
        Assert.Equal("helper", File.ReadAllText(Path.Combine(target, "Extra.cs")));
        Assert.Equal("course support", File.ReadAllText(Path.Combine(target, "Support", "Disk.cs")));
        Assert.False(File.Exists(Path.Combine(target, "Leak.cs")), "a symbolic link in the submission was followed");
        Assert.False(File.Exists(Path.Combine(target, "Stale.cs")), "a file of an earlier submission stayed in the build");
        Assert.False(Directory.Exists(Path.Combine(target, "bin")) && File.Exists(Path.Combine(target, "bin", "Old.cs")), "the submission's build folder was copied");
        Assert.Equal(before, Directory.GetFiles(learner, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray());
    }

    private string Folder(string name)
    {
        var path = Path.Combine(scratch, name);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string Write(string folder, string relative, string text)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}
