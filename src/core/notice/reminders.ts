/** The reminder list (催报名单): every roster unit with a material missing or to send again, and a message ready to send. */
import type { Lang } from '../definitions/types';
import { messageFor } from '../issues/catalogue';
import { materialLabel, type MaterialId } from './materials';
import type { Reminder, UnitMaterials } from './types';

export function reminderMessage(unit: UnitMaterials, missing: readonly MaterialId[], lang: Lang): string {
  const parts = missing.map((m) => {
    const cell = unit.items[m];
    const label = materialLabel(m, lang);
    return cell?.status === 'rejected' ? messageFor('notice.reminder-resend', { material: label, reason: cell.reason ?? '' }, lang) : label;
  });
  const greeting = unit.contact ? (lang === 'en' ? `Dear ${unit.contact}, ` : `${unit.contact}同志，`) : '';
  const deadline = unit.deadline ? messageFor('notice.reminder-deadline', { deadline: unit.deadline }, lang) : '';
  return messageFor('notice.reminder', { greeting, unit: unit.unit, materials: parts.join(lang === 'en' ? ', ' : '、'), deadline }, lang);
}

export function remindersFor(units: readonly UnitMaterials[], materials: readonly MaterialId[], lang: Lang): Reminder[] {
  const out: Reminder[] = [];
  for (const unit of units) {
    const missing = materials.filter((m) => {
      const status = unit.items[m]?.status;
      return status === 'missing' || status === 'rejected';
    });
    if (missing.length === 0) continue;
    const reminder: Reminder = { unit: unit.unit, missing, message: reminderMessage(unit, missing, lang) };
    if (unit.deadline) reminder.deadline = unit.deadline;
    if (unit.contact) reminder.contact = unit.contact;
    if (unit.phone) reminder.phone = unit.phone;
    out.push(reminder);
  }
  return out;
}
