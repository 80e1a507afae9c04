namespace SplitBrain;

/// <summary>A history file that cannot be read; the message names the line and says what was expected there.</summary>
public sealed class HistoryFormatException : Exception
{
    /// <summary>Makes the error for line <paramref name="line"/>.</summary>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="message">What is wrong there and what is allowed.</param>
    public HistoryFormatException(int line, string message)
        : base($"line {line}: {message}")
    {
        Line = line;
    }

    /// <summary>The 1-based line the problem is on.</summary>
    public int Line { get; }
}
