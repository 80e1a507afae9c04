namespace SplitBrain.Tests.Histories;

/// <summary>The real histories in <c>notebooks/data/histories</c> (Porcupine's test data, recorded by Jepsen), with the verdicts their EXPECTED files give.</summary>
public static class SharedHistories
{
    /// <summary>The folder: <c>&lt;repo&gt;/notebooks/data/histories</c>.</summary>
    public static string Folder { get; } = Find();

    /// <summary>Every (folder, file, expected) row of the EXPECTED files.</summary>
    public static IEnumerable<object[]> All() =>
        from set in new[] { "jepsen-etcd", "kv" }
        from line in File.ReadAllLines(Path.Combine(Folder, set, "EXPECTED"))
        where line.Trim().Length > 0
        let fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        select new object[] { set, fields[0], bool.Parse(fields[1]) };

    /// <summary>The path of one file.</summary>
    public static string PathOf(string set, string file) => Path.Combine(Folder, set, file);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "course.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "notebooks", "data", "histories"));
            }
        }

        throw new InvalidOperationException("These tests run from inside the course repository.");
    }
}
