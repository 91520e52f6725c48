import { useState, type FormEvent } from 'react';
import type { ResolvedCode } from '../../../../shared/schemas/reference';
import { postJson } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18nProvider';

/**
 * Russian and French users know their registration's ОКВЭД 2 or NAF code, not the NACE class; this reads
 * either and filters by the NACE class it belongs to.
 */
export function NationalCodeInput({ onResolved }: { onResolved(naceClass: string): void }) {
  const { t, lang } = useI18n();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) return;
    try {
      const { items } = await postJson<{ items: ResolvedCode[] }>('/classifications/resolve', { codes: [code.trim()] });
      const nace = items[0]!.naceClass;
      setMessage({
        text: t('directory.codeResolved', { code: items[0]!.code, nace: `${nace.code} ${nace.title[lang] ?? nace.title.en}` }),
        error: false,
      });
      onResolved(nace.code);
    } catch {
      setMessage({ text: t('directory.codeUnknown', { code: code.trim() }), error: true });
    }
  };

  return (
    <form className="national-code" onSubmit={submit}>
      <label htmlFor="national-code">{t('directory.codeLabel')}</label>
      <div className="inline">
        <input id="national-code" value={code} maxLength={20} placeholder="62.02.1, 23.44Z" onChange={(e) => setCode(e.target.value)} />
        <button type="submit">{t('directory.codeApply')}</button>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
