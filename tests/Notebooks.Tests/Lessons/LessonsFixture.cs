using Course.Cli;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Lessons;

/// <summary>
/// Runs every notebook once, through <c>course notebooks --out</c>: the real kernel, headless, started in the
/// notebook's folder as VS Code does. The tests then read the executed copies and pages it wrote.
/// </summary>
public sealed class LessonsFixture
{
    /// <summary>How long a lesson may take, kernel start included; the course promises under a minute.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public LessonsFixture()
    {
        Notebooks = Directory.GetFiles(Repository.NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal).ToArray();
        Site = Path.Combine(Repository.Artifacts, "site");
        if (Directory.Exists(Site))
        {
            Directory.Delete(Site, recursive: true);
        }

        var log = new StringWriter();
        Runs = NotebooksCommand.Export(Notebooks, Site, TimeSpan.FromMinutes(3), log);
        Log = log.ToString();
        File.WriteAllText(Path.Combine(Repository.Artifacts, "timings.txt"), Log);
    }

    public IReadOnlyList<string> Notebooks { get; }

    public string Site { get; }

    public IReadOnlyList<NotebooksRun> Runs { get; }

    public string Log { get; }
}
