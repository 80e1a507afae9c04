namespace Course.Grading.Tests;

/// <summary>The tests that build and grade: run one after another, sharing one work folder.</summary>
[CollectionDefinition(Name)]
public sealed class GradingCollection : ICollectionFixture<SharedWork>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "grading";
}
