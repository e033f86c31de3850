// Every page of the dashboard: its route, its view, and its place in the navigation.
import { listView } from './list.js';
import { detailView } from './detail.js';
import { createView } from './create.js';
import { statsView } from './stats.js';
import { staffView } from './staff.js';
import { purgeView } from './purge.js';
import { profileView } from './profile.js';
import { postersView } from './posters.js';
import { auditView } from './audit.js';
import { myWorkView, overdueView } from './work.js';
import { rulesView } from './rules.js';
import { incidentsView } from './incidents.js';

export const ROUTES = [
  { name: 'list', pattern: /^(?:complaints)?$/, view: listView, nav: 'complaints' },
  { name: 'detail', pattern: /^complaints\/([0-9a-fA-F-]{36})$/, view: detailView, nav: 'complaints' },
  { name: 'work', pattern: /^work$/, view: myWorkView, nav: 'work' },
  { name: 'overdue', pattern: /^overdue$/, view: overdueView, nav: 'overdue' },
  { name: 'new', pattern: /^new$/, view: createView, nav: 'new' },
  { name: 'stats', pattern: /^stats$/, view: statsView, nav: 'stats' },
  { name: 'staff', pattern: /^staff$/, view: staffView, nav: 'staff', admin: true },
  { name: 'purge', pattern: /^purge$/, view: purgeView, nav: 'purge', admin: true },
  { name: 'posters', pattern: /^posters$/, view: postersView, nav: 'posters', admin: true },
  { name: 'audit', pattern: /^audit$/, view: auditView, nav: 'audit', admin: true },
  { name: 'rules', pattern: /^rules$/, view: rulesView, nav: 'rules', admin: true },
  { name: 'incidents', pattern: /^incidents$/, view: incidentsView, nav: 'incidents', admin: true },
  { name: 'profile', pattern: /^profile$/, view: profileView, nav: 'profile' },
];

export const NAV = [
  ['complaints', '#/complaints', 'Complaints'],
  ['work', '#/work', 'My work'],
  ['overdue', '#/overdue', 'Overdue'],
  ['new', '#/new', 'New complaint'],
  ['stats', '#/stats', 'Statistics'],
  ['staff', '#/staff', 'Staff', true],
  ['purge', '#/purge', 'Purge', true],
  ['posters', '#/posters', 'Posters', true],
  ['audit', '#/audit', 'Audit log', true],
  ['rules', '#/rules', 'Rules', true],
  ['incidents', '#/incidents', 'Incidents', true],
  ['profile', '#/profile', 'Profile'],
];
