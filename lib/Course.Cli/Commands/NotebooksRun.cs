namespace Course.Cli;

/// <summary>What happened when one notebook ran headless in the real kernel.</summary>
/// <param name="Name">The notebook's file name without extension, such as <c>01-double-withdrawal</c>.</param>
/// <param name="Source">The notebook that was run.</param>
/// <param name="Executed">The copy with every cell's outputs; null if the kernel wrote none.</param>
/// <param name="Page">The static HTML page; null if none was written.</param>
/// <param name="ExitCode">The kernel runner's exit code: 0 when every cell succeeded.</param>
/// <param name="Seconds">Wall-clock seconds, kernel start included.</param>
/// <param name="Cells">How many code cells the notebook has.</param>
/// <param name="Charts">How many outputs are charts.</param>
/// <param name="Errors">One line per failed cell: which cell, and what it said.</param>
public sealed record NotebooksRun(
    string Name, string Source, string? Executed, string? Page, int ExitCode, double Seconds, int Cells, int Charts, IReadOnlyList<string> Errors)
{
    /// <summary>True when the kernel reported success and no cell has an error output.</summary>
    public bool Succeeded => ExitCode == 0 && Errors.Count == 0 && Executed is not null;
}
