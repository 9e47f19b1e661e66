import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';

/**
 * The CloudAdapter, entered with an identity authenticated beforehand (see
 * bot-auth.ts) instead of through CloudAdapter.process, which would check the
 * token a second time and answer failures itself: 500 with the error text in
 * the body, and the error printed to stderr.
 */
export class AuthenticatedAdapter extends CloudAdapter {
  /** Runs one turn; resolves to the invoke or expectReplies response, if the activity has one. */
  runTurn(auth: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}
