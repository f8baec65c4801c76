using Platform.Grains.Abstractions;
using Platform.Plans;

namespace Platform.Grains.Plans;

/// <summary>
/// The plan library (<see cref="PlanFieldException"/>) knows nothing of grains; callers of a grain get the platform's
/// serializable field error instead, with the same field and message, wherever in the call the plan was read.
/// </summary>
public sealed class PlanFieldErrorFilter : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (PlanFieldException e)
        {
            throw new PlatformValidationException(e.Field, e.Message);
        }
    }
}
