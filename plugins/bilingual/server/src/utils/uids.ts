export const RECORD_UID = 'plugin::bilingual.translation-record' as const;
export const GLOSSARY_UID = 'plugin::bilingual.glossary-term' as const;
