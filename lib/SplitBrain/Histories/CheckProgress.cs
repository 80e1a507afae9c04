namespace SplitBrain;

/// <summary>How far a long check has come.</summary>
/// <param name="Steps">Search steps so far.</param>
/// <param name="PartsDone">Independent parts (keys) already decided.</param>
/// <param name="Parts">Independent parts in all.</param>
/// <param name="Deepest">The most operations of the current part placed in one order so far.</param>
/// <param name="PartSize">How many operations the current part has.</param>
public sealed record CheckProgress(long Steps, int PartsDone, int Parts, int Deepest, int PartSize);
