namespace Course.Notebooks;

/// <summary>Where the course is: the nearest folder holding course.sln.</summary>
public static class CourseFolder
{
    /// <summary>The course's root folder: the nearest folder above <paramref name="start"/> (or above this program) holding course.sln.</summary>
    /// <param name="start">Where to start looking; null: the current folder.</param>
    /// <exception cref="CourseSetupException">No such folder above either.</exception>
    public static string Find(string? start = null)
    {
        foreach (string from in new[] { start ?? Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "course.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new CourseSetupException("cannot find the course folder (the one with course.sln); run from inside it");
    }
}
