namespace Course.Grading.Tests;

/// <summary>
/// One work folder for every test that grades, used one test at a time: the simulator and the grading
/// library then compile once, and each later grading rebuilds only what differs (the exercises, the tests).
/// </summary>
public sealed class SharedWork : IDisposable
{
    /// <summary>The work folder, unique to this test run.</summary>
    public string Folder { get; } = Course.Scratch("work");

    /// <summary>Removes the work folder.</summary>
    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
