namespace SplitBrain.Tests.Histories;

/// <summary>
/// The definition, checked by brute force: try every order of the operations that respects real time
/// (an operation that completed before another was invoked comes first), each indeterminate operation either
/// placed somewhere or left out, and ask the model whether the order explains every answer. No memo, no
/// pruning beyond real time: slow, and obviously right.
/// </summary>
public static class BruteForce
{
    public static bool IsLinearizable<TState>(Model<TState> model, History history) =>
        model.Partition(history.Operations).All(part => Place(model, part, new bool[part.Count], model.Init()));

    private static bool Place<TState>(Model<TState> model, IReadOnlyList<Operation> operations, bool[] done, TState state)
    {
        if (done.All(d => d))
        {
            return true;
        }

        // Every remaining completed operation must still be placed; if only indeterminate ones remain, leaving them out is allowed.
        if (Enumerable.Range(0, operations.Count).All(i => done[i] || operations[i].Outcome == OperationOutcome.Info))
        {
            return true;
        }

        for (int i = 0; i < operations.Count; i++)
        {
            if (done[i] || !CanGoNext(operations, done, i))
            {
                continue;
            }

            if (model.Step(state, operations[i], out TState next))
            {
                done[i] = true;
                bool found = Place(model, operations, done, next);
                done[i] = false;
                if (found)
                {
                    return true;
                }
            }

            if (operations[i].Outcome == OperationOutcome.Info)
            {
                // Or it never takes effect.
                done[i] = true;
                bool found = Place(model, operations, done, state);
                done[i] = false;
                if (found)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool CanGoNext(IReadOnlyList<Operation> operations, bool[] done, int candidate)
    {
        for (int j = 0; j < operations.Count; j++)
        {
            if (!done[j] && j != candidate && operations[j].Outcome != OperationOutcome.Info
                && operations[j].Completed is { } completed && completed < operations[candidate].Invoked)
            {
                return false;
            }
        }

        return true;
    }
}
