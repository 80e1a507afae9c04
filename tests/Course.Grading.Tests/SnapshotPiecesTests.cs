namespace Course.Grading.Tests;

/// <summary>The snapshot's pieces on their own: exercise files found by name, stubs that keep the shape, the sandbox's words.</summary>
public sealed class SnapshotPiecesTests
{
    /// <summary>Exercise files are named ExerciseNN_Name.cs; anything else is not one.</summary>
    [Fact]
    public void ExerciseFiles_AreFoundByName()
    {
        Assert.Equal(new ExerciseFile(2, "Exercise02_FencingGuard.cs"), CourseExercises.Parse("Exercise02_FencingGuard.cs"));
        Assert.Equal(11, CourseExercises.Parse("Exercise11_Histories.cs")!.Number);
        Assert.Null(CourseExercises.Parse("ExerciseHelpers.cs"));
        Assert.Null(CourseExercises.Parse("Exercise00_Zero.cs"));
        Assert.Null(CourseExercises.Parse("Exercise02_FencingGuard.cs.bak"));
        Assert.Equal("1–10", CourseExercises.Describe([.. Enumerable.Range(1, 10).Select(n => new ExerciseFile(n, $"Exercise{n:00}_X.cs"))]));
        Assert.Equal("1, 2, 5", CourseExercises.Describe([new ExerciseFile(1, "a"), new ExerciseFile(2, "b"), new ExerciseFile(5, "c")]));
        Assert.Equal(Directory.GetFiles(Path.Combine(Course.Root, "exercises"), "Exercise*_*.cs").Length, CourseExercises.Of(Course.Root).Count);
    }

    /// <summary>A stub keeps every type and signature and throws from every body, so editing a body never changes it.</summary>
    [Fact]
    public void Stubs_KeepTheShape_DropTheBodies()
    {
        const string Answer = """
            namespace Course.Exercises;
            public sealed class Guard
            {
                private long highest = -1;
                public Guard(long start) : this() { highest = start; }
                private Guard() { }
                public long Highest => highest;
                public bool Open { get { return highest > 0; } set { highest = value ? 1 : 0; } }
                public bool TryAccept(long token) { if (token < highest) { return false; } highest = token; return true; }
                public static int Twice(int n) => n * 2;
            }
            """;
        var stub = ExerciseStubs.Of(Answer);
        Assert.DoesNotContain("token < highest", stub, StringComparison.Ordinal);
        Assert.DoesNotContain("n * 2", stub, StringComparison.Ordinal);
        Assert.Contains("public bool TryAccept(long token)", stub, StringComparison.Ordinal);
        Assert.Contains("public Guard(long start) : this()", stub, StringComparison.Ordinal);
        Assert.Equal(7, stub.Split("throw new global::System.NotImplementedException()").Length - 1);
        Assert.Equal(stub, ExerciseStubs.Of(Answer.Replace("highest = token; return true;", "highest = token + 0; return true;", StringComparison.Ordinal)));
        Assert.Equal(stub, ExerciseStubs.Of(stub));
    }

    /// <summary>The isolation line says what is isolated, and when it is not, says that plainly.</summary>
    [Fact]
    public void Sandbox_SaysWhatItIsolates()
    {
        Assert.Contains("can read and write what this user can", Sandbox.None.Description, StringComparison.Ordinal);
        Assert.False(Sandbox.None.IsolatesFiles);
        var (file, args) = Sandbox.None.Wrap("/tmp/w", ["/course"], "dotnet", ["Exercises.Tests.dll"]);
        Assert.Equal("dotnet", file);
        Assert.Equal(["Exercises.Tests.dll"], args);
        if (Sandbox.Best.IsolatesFiles)
        {
            (_, args) = Sandbox.Best.Wrap("/tmp/w", [Course.Root], "/usr/bin/dotnet", ["Exercises.Tests.dll"]);
            var line = string.Join(' ', args);
            Assert.Contains("--tmpfs " + Course.Root, line, StringComparison.Ordinal);
            Assert.Contains("--ro-bind /tmp/w /tmp/w", line, StringComparison.Ordinal);
            Assert.Contains("--unshare-all", line, StringComparison.Ordinal);
            Assert.Contains("--proc /proc", line, StringComparison.Ordinal);
        }
    }
}
