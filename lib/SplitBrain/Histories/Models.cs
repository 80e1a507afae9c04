namespace SplitBrain;

/// <summary>The sequential models a history can be checked against, by name.</summary>
public static class Models
{
    /// <summary>One register with read, write and compare-and-set (Jepsen's etcd test).</summary>
    public static readonly RegisterModel Register = new();

    /// <summary>A key-value store with get, put and append, checked one key at a time.</summary>
    public static readonly KeyValueModel KeyValue = new();

    /// <summary>A bank account with deposit, withdraw (paid only when the balance covers it) and read.</summary>
    public static readonly BankAccountModel BankAccount = new();

    /// <summary>Every model.</summary>
    public static readonly IReadOnlyList<HistoryModel> All = [Register, KeyValue, BankAccount];

    /// <summary>The names: <c>register</c>, <c>kv</c>, <c>bank</c>.</summary>
    public static IReadOnlyList<string> Names => All.Select(m => m.Name).ToArray();

    /// <summary>The model called <paramref name="name"/>.</summary>
    /// <param name="name">register, kv or bank.</param>
    /// <exception cref="ArgumentException">No model has that name; the message lists the names.</exception>
    public static HistoryModel Get(string name) =>
        All.FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"Unknown model \"{name}\"; the models are {string.Join(", ", Names)}.", nameof(name));

    /// <summary>The model whose functions the history uses: a withdrawal or deposit means bank, get/put/append means kv, otherwise a register.</summary>
    /// <param name="history">The history.</param>
    /// <exception cref="ArgumentException">The history uses functions no model knows; the message names them.</exception>
    public static HistoryModel Infer(History history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var functions = history.Functions;
        foreach (var model in new HistoryModel[] { BankAccount, KeyValue, Register })
        {
            bool distinctive = model == Register || functions.Any(f => f != "read" && model.Functions.Contains(f));
            if (distinctive && functions.All(model.Functions.Contains))
            {
                return model;
            }
        }

        throw new ArgumentException($"No model knows the functions {string.Join(", ", functions)}; the models are register (read, write, cas), kv (get, put, append) and bank (deposit, withdraw, read).", nameof(history));
    }
}
