/**
 * Russian messages. Typed as Catalog: a key missing here fails the type check. Names arrive in the
 * nominative, so the sentences avoid prepositions that would need another case ("{actor} ({place})").
 */
import type { Catalog } from './en.ts';

export const ru: Catalog = {
  'app.title': 'Атлас «Ливия — Россия»',
  'app.subtitle': 'Кто контролировал Ливию, где находились советские, российские и другие иностранные войска, и дипломатия Ливии с Москвой — с 1943 года до наших дней',
  'app.mapLabel': 'Карта Ливии: контроль, иностранные войска и дипломатия; {date}',
  'app.loading': 'Загрузка карты…',
  'app.noWebgl': 'Этот браузер не может показать интерактивную карту (WebGL недоступен). Список мест, текст о текущем положении и события ниже по-прежнему работают.',

  'time.label': 'Время',
  'time.play': 'Воспроизвести',
  'time.pause': 'Пауза',
  'time.keys': 'Стрелки: на месяц; Page Up / Page Down: на год; Home / End: первый и последний месяц',
  'time.circa': 'ок. {date}',

  'status.heading': 'На эту дату',
  'status.control': '{place}: {holder}.',
  'status.contested': '{place}: спорная территория ({holders}).',
  'status.changed': '{place}: {from}, затем {to} (смена власти в этом месяце).',
  'status.none': '{place}: нет данных.',
  'status.uncertain': '(дата неточна)',
  'status.noForces': 'Иностранные войска в Ливии не зафиксированы.',
  'status.forces': 'Иностранные войска: {list}.',
  'status.force': '{actor} ({place})',
  'status.forceClaim': '{actor} ({place}, {status})',
  'status.diplomacy': 'Дипломатия: {list}.',
  'status.listSep': '; ',
  'status.and': ' и ',

  'layers.heading': 'Показать',
  'layers.control': 'Контроль',
  'layers.presence': 'Иностранные войска',
  'layers.diplomacy': 'Дипломатия с Москвой',

  'legend.heading': 'Кто контролирует',
  'legend.contested': 'Спорная территория (штриховка)',
  'legend.uncertain': 'Неточная дата (бледная заливка, пунктирная граница)',
  'legend.presence': 'Иностранные войска (полый кружок: по утверждениям)',
  'legend.diplomacy': 'Дипломатическое событие (дуга к городу-партнёру; пунктир: не подтверждено)',

  'places.heading': 'Места',
  'places.regions': 'Регионы',
  'places.cities': 'Города и базы',

  'panel.close': 'Закрыть',
  'panel.control': 'Контроль на эту дату',
  'panel.forces': 'Иностранные войска, зафиксированные здесь',
  'panel.events': 'События',
  'panel.noEvents': 'Для этого места пока нет записанных событий.',
  'panel.later': 'после выбранной даты',
  'panel.sources': 'Источники',
  'panel.showPassage': 'Показать отрывок',
  'panel.hidePassage': 'Скрыть отрывок',
  'panel.paraphrase': 'Пересказ источника, а не цитата',
  'panel.quoteLang': 'Цитата на языке оригинала: {language}',
  'panel.claimedBy': 'Утверждает: {who}',
  'panel.response': 'Ответ',
  'panel.respondsTo': 'В ответ на: {title}',
  'panel.strength': 'Численность: {strength}',
  'panel.from': '{start} — по настоящее время',
  'panel.fromTo': '{start} – {end}',
  'panel.contestedBy': 'оспаривают: {actors}',

  'status.confirmed': 'подтверждено',
  'status.reported': 'по сообщениям',
  'status.alleged': 'предположительно',
  'status.denied': 'опровергнуто',

  'category.diplomatic': 'Дипломатия',
  'category.military': 'Военные действия',
  'category.economic': 'Экономика',
  'category.control': 'Контроль',

  'lang.en': 'английский',
  'lang.ar': 'арабский',
  'lang.ru': 'русский',
  'lang.label': 'Язык',

  'change.intro': '{date}:',
  'change.holds': '{places} теперь под контролем: {to} (до этого: {from}).',
  'change.holdsNew': '{places} теперь под контролем: {to}.',
  'change.noRecord': '{places}: нет данных о контроле (до этого: {from}).',
  'change.nowContested': '{places}: теперь спорная территория ({holders}).',
  'change.forcesIn': 'Теперь присутствуют: {list}.',
  'change.forcesOut': 'Больше не присутствуют: {list}.',
};
