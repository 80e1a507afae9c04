namespace Course.Notebooks;

/// <summary>What happened when one lesson notebook ran headless on the course kernel.</summary>
/// <param name="Name">The notebook's file name without extension, such as <c>01-the-double-withdrawal</c>.</param>
/// <param name="Source">The notebook that was run.</param>
/// <param name="Executed">The copy with every cell's outputs; null if none was written.</param>
/// <param name="Page">The static HTML page; null if none was written.</param>
/// <param name="Seconds">Wall-clock seconds, the kernel's start included.</param>
/// <param name="Cells">How many code cells the notebook has.</param>
/// <param name="Charts">How many outputs are charts.</param>
/// <param name="Errors">One line per failed cell: which cell, and what it said.</param>
public sealed record LessonRun(
    string Name, string Source, string? Executed, string? Page, double Seconds, int Cells, int Charts, IReadOnlyList<string> Errors)
{
    /// <summary>True when the executed copy was written and no cell failed.</summary>
    public bool Succeeded => Errors.Count == 0 && Executed is not null;
}
