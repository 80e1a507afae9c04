namespace Course.Exercises.Graded;

/// <summary>The learner's <see cref="AccountModel"/> plugged into the course's checker, so the search runs on their step.</summary>
internal sealed class LearnerAccountModel(AccountModel learner) : Model<long>
{
    public override string Name => "bank (yours)";

    public override IReadOnlyList<string> Functions => Models.BankAccount.Functions;

    public override long Init() => learner.Init();

    public override bool Step(long state, Operation operation, out long next) => learner.Step(state, operation, out next);

    public override string Allowed(long state, Operation operation) => Models.BankAccount.Allowed(state, operation);
}
