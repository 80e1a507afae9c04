namespace Course.Notebooks;

/// <summary>Something the lessons need is missing or cannot be made (the course folder, plotly.js, a build); the message says what to do.</summary>
/// <param name="message">What is missing, and how to get it.</param>
public sealed class CourseSetupException(string message) : Exception(message);
