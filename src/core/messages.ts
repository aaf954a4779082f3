// Finding messages: Chinese first, English beside it. Each states the numbers it is about.
export type Lang = 'zh-CN' | 'en';
