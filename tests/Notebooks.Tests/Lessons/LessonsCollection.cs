namespace Notebooks.Tests.Lessons;

/// <summary>The real-kernel and browser tests share one run of the notebooks.</summary>
[CollectionDefinition(Name)]
public sealed class LessonsCollection : ICollectionFixture<LessonsFixture>
{
    public const string Name = "lessons";
}
