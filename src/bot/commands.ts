import type { Lang } from '../content/types.js';
import type { CommandId } from '../core/vocabulary.js';
import { t } from './language/strings.js';
import { helpReply, textReply } from './replies.js';
import type { BotServices } from './services.js';
import type { Turn } from './turn.js';
import { abandonWalk, showStep, startWalk } from './walk.js';

/** Carries out a command (see core/vocabulary.ts); a walk in progress is shown again or changed as the command says. */
export function runCommand(turn: Turn, command: CommandId, services: BotServices): void {
  const hasWalk = turn.conversation.walk !== undefined;
  switch (command) {
    case 'help':
      turn.replies.push(helpReply(turn.lang));
      // The help answers nothing of the step: an outcome's steps are just above, only its "did this solve it?" is asked again.
      showStep(turn, services.troubleshoot, { onlyQuestion: true });
      return;
    case 'english':
    case 'japanese': {
      const lang: Lang = command === 'english' ? 'en' : 'ja';
      turn.user.lang = lang;
      turn.lang = lang;
      turn.replies.push(textReply(t(lang, 'langPinned')));
      showStep(turn, services.troubleshoot);
      return;
    }
    case 'restart':
      if (hasWalk) startWalk(turn, services, { restarted: true });
      else turn.replies.push(textReply(t(turn.lang, 'walkNothingToCancel')));
      return;
    case 'cancel':
      abandonWalk(turn);
      turn.replies.push(textReply(t(turn.lang, hasWalk ? 'walkCancelled' : 'walkNothingToCancel')));
      return;
    case 'troubleshoot':
      startWalk(turn, services);
      return;
  }
}
