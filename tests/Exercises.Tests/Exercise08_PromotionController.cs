namespace Course.Exercises.Graded;

/// <summary>Graded tests of exercise 8: promote only after STONITH.</summary>
[Exercise(8, "Promotion controller", Lesson = 6, Hint = "Try PowerOff up to maxAttempts times; call Promote only right after a Confirmed answer.")]
public sealed class Exercise08_PromotionController
{
    /// <summary>Confirmed off, then promoted, in that order.</summary>
    [Fact, Points(2)]
    public void Task1_FencesThenPromotes()
    {
        var control = new ScriptedControl(FenceOutcome.Confirmed);
        var result = new PromotionController(control).Promote("A", "B");
        Expect.Returns("[\"power-off A\", \"promote B\"]", Expect.Show(control.Log), "the actions of Promote(A, B)", "power off the old primary first, promote only after");
        Expect.Returns(true, result.Promoted, "Promoted", "the fence was confirmed");
        Expect.That(!string.IsNullOrWhiteSpace(result.Reason), "The result's Reason is empty; the lesson expects the operator to be told why.");
    }

    /// <summary>A failed or timed-out fence is retried.</summary>
    [Fact, Points(2)]
    public void Task2_RetriesUntilConfirmed()
    {
        var control = new ScriptedControl(FenceOutcome.TimedOut, FenceOutcome.Failed, FenceOutcome.Confirmed);
        var result = new PromotionController(control, maxAttempts: 3).Promote("A", "B");
        Expect.Returns("[\"power-off A\", \"power-off A\", \"power-off A\", \"promote B\"]", Expect.Show(control.Log), "the actions with answers timed-out, failed, confirmed", "retry the fence; promote once it is confirmed");
        Expect.Returns(true, result.Promoted, "Promoted", "the third attempt was confirmed");
    }

    /// <summary>No confirmation, no promotion: unavailable beats split brain.</summary>
    [Fact, Points(3)]
    public void Task3_BlocksWhenTheFenceIsNeverConfirmed()
    {
        var control = new ScriptedControl(FenceOutcome.TimedOut, FenceOutcome.TimedOut, FenceOutcome.Failed, FenceOutcome.Confirmed);
        var result = new PromotionController(control, maxAttempts: 2).Promote("A", "B");
        Expect.Returns("[\"power-off A\", \"power-off A\"]", Expect.Show(control.Log), "the actions with 2 attempts that both timed out", "stop after maxAttempts and never promote: A may still be running");
        Expect.Returns(false, result.Promoted, "Promoted", "the old primary was never confirmed off");
        Expect.That(!string.IsNullOrWhiteSpace(result.Reason), "The result's Reason is empty; the lesson expects the operator to be told why promotion is blocked.");
    }

    /// <summary>Impossible requests are refused.</summary>
    [Fact, Points(1)]
    public void Task4_RejectsImpossibleRequests()
    {
        var control = new ScriptedControl(FenceOutcome.Confirmed);
        Expect.Rejects(() => new PromotionController(control, maxAttempts: 0), "maxAttempts", "new PromotionController(maxAttempts: 0)");
        var once = new ScriptedControl(FenceOutcome.TimedOut, FenceOutcome.Confirmed);
        var result = new PromotionController(once, maxAttempts: 1).Promote("A", "B");
        Expect.That(!result.Promoted && once.Log.SequenceEqual(["power-off A"]), $"With maxAttempts: 1 and a timed-out fence the actions were [{string.Join(", ", once.Log)}]; the lesson expects one power-off and no promotion.");
        var controller = new PromotionController(control);
        Expect.Rejects(() => controller.Promote("A", "A"), "candidate", "Promote(A, A)");
        Expect.Rejects(() => controller.Promote("", "B"), "oldPrimary", "Promote(\"\", B)");
        Expect.That(control.Log.Count == 0, $"Refused requests still acted: [{string.Join(", ", control.Log)}]; the lesson expects no action at all.");
    }
}
