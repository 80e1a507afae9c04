using Course.Notebooks;
using Notebooks.Tests.Support;

namespace Notebooks.Tests.Lessons;

/// <summary>
/// Runs every notebook once, as <c>course notebooks --out</c> does: the course kernel in this process, started in
/// the notebook's folder as VS Code starts it. The tests then read the executed copies and pages it wrote.
/// </summary>
public sealed class LessonsFixture
{
    public LessonsFixture()
    {
        Notebooks = Directory.GetFiles(Repository.NotebooksFolder, "*.ipynb").Order(StringComparer.Ordinal).ToArray();
        Site = Path.Combine(Repository.Artifacts, "site");
        if (Directory.Exists(Site))
        {
            Directory.Delete(Site, recursive: true);
        }

        var log = new StringWriter();
        Runs = LessonSite.ExportAsync(Notebooks, Site, LessonSite.DefaultTimeout, log).GetAwaiter().GetResult();
        Log = log.ToString();
        File.WriteAllText(Path.Combine(Repository.Artifacts, "timings.txt"), Log);
    }

    public IReadOnlyList<string> Notebooks { get; }

    public string Site { get; }

    public IReadOnlyList<LessonRun> Runs { get; }

    public string Log { get; }
}
