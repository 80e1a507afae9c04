namespace Course.Exercises.Graded;

/// <summary>
/// The graded tests' one verb: a check that, when it fails, says what the learner's code did and what the
/// lesson expects, in one sentence a learner can act on.
/// </summary>
internal static class Expect
{
    /// <summary>Fails with "<paramref name="call"/> returned X; the lesson expects Y: <paramref name="why"/>" unless they are equal.</summary>
    public static void Returns<T>(T expected, T actual, string call, string why)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            Assert.Fail($"{call} returned {Show(actual)}; the lesson expects {Show(expected)}: {why}");
        }
    }

    /// <summary>Fails with <paramref name="message"/> unless <paramref name="condition"/> holds.</summary>
    public static void That(bool condition, string message)
    {
        if (!condition)
        {
            Assert.Fail(message);
        }
    }

    /// <summary>Fails unless <paramref name="call"/> throws an ArgumentException (or a subclass) naming <paramref name="parameter"/>.</summary>
    public static void Rejects(Action call, string parameter, string what)
    {
        try
        {
            call();
        }
        catch (ArgumentException refused) when (refused.ParamName == parameter)
        {
            return;
        }
        catch (ArgumentException refused)
        {
            Assert.Fail($"{what} threw ArgumentException naming '{refused.ParamName}'; the lesson expects it to name '{parameter}'.");
        }
        catch (NotImplementedException)
        {
            throw;
        }
        catch (Exception other)
        {
            Assert.Fail($"{what} threw {other.GetType().Name}; the lesson expects an ArgumentException naming '{parameter}'.");
        }

        Assert.Fail($"{what} was accepted; the lesson expects an ArgumentException naming '{parameter}'.");
    }

    /// <summary>Shows a value as a learner would write it.</summary>
    public static string Show<T>(T value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object?>().Select(i => Show(i))) + "]",
        _ => value.ToString() ?? "null",
    };
}
