namespace Course.Cli;

/// <summary>Input the command line parsed but the course cannot accept; printed as one line, exit code 2.</summary>
/// <param name="message">What was wrong and what is allowed.</param>
public sealed class UsageException(string message) : Exception(message);
